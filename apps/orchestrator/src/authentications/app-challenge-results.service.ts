import { allows, ChannelMismatchError, IllegalTransitionError } from '@app/domain';
import { AuthenticationRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { InboundService } from '../checkout-inbound/inbound.service.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { authenticationView } from './authentication.view.js';
import type { AppChallengeResultRequestDto } from './dto/app-challenge-result.request.dto.js';

/**
 * The app's report that its 3DS SDK finished the challenge (docs/design.md#app-channel). The
 * result itself is Checkout's: the report makes us re-read the session, through the same path
 * as the browser's CRes, and the answer is wherever that leaves the authentication.
 */
@Injectable()
export class AppChallengeResults {
  constructor(
    private readonly queries: AuthenticationQueries,
    private readonly inbound: InboundService,
    private readonly repository: AuthenticationRepository,
  ) {}

  async report(
    team: string,
    id: string,
    report: AppChallengeResultRequestDto,
  ): Promise<Record<string, unknown>> {
    const authentication = await this.queries.owned(team, id);
    if (authentication.channel !== 'app') {
      throw new ChannelMismatchError('app_challenge_result', 'app', authentication.channel);
    }
    // A final authentication answers as it is: the SDK's report may come after the callback.
    if (!allows(authentication.state, 'report_app_challenge_result')) {
      throw new IllegalTransitionError(authentication.state, 'report_app_challenge_result');
    }
    await this.inbound.appChallengeResult(authentication, report);
    return authenticationView((await this.repository.findById(id))!);
  }
}
