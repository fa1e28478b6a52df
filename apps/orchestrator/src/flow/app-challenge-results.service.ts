import { allows, ChannelMismatchError, IllegalTransitionError } from '@app/domain';
import { AuthenticationRepository, type AuthenticationEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { OutsideInputs } from './outside-inputs.service.js';
import type { AppChallengeReport } from './signals.js';

/**
 * The app's report that its 3DS SDK finished the challenge (docs/design.md#app-channel). The
 * result itself is the provider's: the report makes us re-read the session, through the same
 * path as the browser's CRes, and the answer is wherever that leaves the authentication.
 */
@Injectable()
export class AppChallengeResults {
  constructor(
    private readonly inputs: OutsideInputs,
    private readonly repository: AuthenticationRepository,
  ) {}

  async report(
    authentication: AuthenticationEntity,
    report: AppChallengeReport,
  ): Promise<AuthenticationEntity> {
    if (authentication.channel !== 'app') {
      throw new ChannelMismatchError('app_challenge_result', 'app', authentication.channel);
    }
    // A final authentication answers as it is: the SDK's report may come after the callback.
    if (!allows(authentication.state, 'report_app_challenge_result')) {
      throw new IllegalTransitionError(authentication.state, 'report_app_challenge_result');
    }
    await this.inputs.appChallengeReported(authentication, report);
    return (await this.repository.findById(authentication.id))!;
  }
}
