import type { ChannelData, MethodCompletion } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { AppChallengeResults } from '../flow/app-challenge-results.service.js';
import type { AppChallengeReport } from '../flow/signals.js';
import { SessionUpdates } from '../flow/session-updates.service.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { authenticationView } from './authentication.view.js';

type Json = Record<string, unknown>;

/** The team's steps on its own authentication: each is the flow's, and answers the view. */
@Injectable()
export class AuthenticationSteps {
  constructor(
    private readonly queries: AuthenticationQueries,
    private readonly updates: SessionUpdates,
    private readonly appChallenges: AppChallengeResults,
  ) {}

  async reportIssuerFingerprint(team: string, id: string, completion: MethodCompletion) {
    const authentication = await this.queries.owned(team, id);
    return view(await this.updates.reportIssuerFingerprint(authentication, completion));
  }

  async submitChannelData(team: string, id: string, data: ChannelData): Promise<Json> {
    const authentication = await this.queries.owned(team, id);
    return view(await this.updates.submitChannelData(authentication, data));
  }

  async reportAppChallengeResult(team: string, id: string, report: AppChallengeReport) {
    const authentication = await this.queries.owned(team, id);
    return view(await this.appChallenges.report(authentication, report));
  }
}

const view = authenticationView;
