import {
  assertNever,
  effectsOf,
  GUIDANCE_FOR_OUTCOME,
  mootEffectsOf,
  type AuthenticationState,
} from '@app/domain';
import {
  type AuthenticationEntity,
  type Followups,
  type JobSpec,
  type TeamEventDraft,
  completeSessionJob,
  completeSessionJobKey,
  recheckJob,
  recheckJobKey,
} from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { newId } from '../common/ids.js';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';

export const AUTHENTICATION_COMPLETED = 'authentication.completed';

/**
 * Turns the domain's effects of a move into what commits with it: deadline and completion jobs,
 * and the team's `authentication.completed` event. Deciding stays in the domain (`effectsOf`).
 * `complete` is sent at once by the process that made the move (CompleteSessionTask.soon); its
 * job is a lease, due only if that process died first. Jobs a move makes moot are removed.
 */
@Injectable()
export class FollowupPlanner {
  constructor(@Inject(jobsConfig.KEY) private readonly config: JobsConfig) {}

  /** `after`: the authentication as the move leaves it; `from` is null for the insert. */
  plan(from: AuthenticationState | null, after: AuthenticationEntity): Followups {
    const jobs: JobSpec[] = [];
    let teamEvent: Followups['teamEvent'];
    for (const effect of effectsOf(from, after.state)) {
      switch (effect.type) {
        case 'recheck':
          jobs.push(recheckJob(after.id, 1, this.config.recheckMs[effect.deadline]));
          break;
        case 'complete_session':
          if (after.providerSessionId) {
            jobs.push(completeSessionJob(after.id, 1, this.config.complete.leaseMs));
          }
          break;
        case 'notify_team':
          teamEvent = completedEvent(after);
          break;
        default:
          assertNever(effect);
      }
    }
    return { jobs, teamEvent, cancelJobKeys: this.mootJobs(from, after) };
  }

  /** A deadline left by a waiting state, a `complete` left by `result_ready`. */
  private mootJobs(from: AuthenticationState | null, after: AuthenticationEntity): string[] {
    return mootEffectsOf(from, after.state).map((effect) =>
      effect === 'recheck' ? recheckJobKey(after.id) : completeSessionJobKey(after.id),
    );
  }
}

/**
 * What a team learns when an authentication's outcome is known: enough to authorize or to look
 * it up, and never the cryptogram (read it through GET …/result).
 */
function completedEvent(after: AuthenticationEntity): TeamEventDraft {
  const result = after.result;
  return {
    id: newId('msg'),
    teamId: after.teamId,
    authenticationId: after.id,
    type: AUTHENTICATION_COMPLETED,
    payload: {
      type: AUTHENTICATION_COMPLETED,
      timestamp: new Date().toISOString(),
      data: {
        authentication_id: after.id,
        reference: after.reference,
        state: after.state,
        outcome: after.outcome,
        guidance: after.outcome ? GUIDANCE_FOR_OUTCOME[after.outcome] : null,
        failure_reason: after.failureReason,
        checkout_session_id: after.providerSessionId,
        amount: after.amount,
        currency: after.currency,
        channel: after.channel,
        scheme: after.scheme,
        protocol_version: result?.protocol_version ?? null,
        trans_status: result?.response_code ?? null,
        trans_status_reason: result?.response_status_reason ?? null,
        eci: result?.eci ?? null,
        ds_transaction_id: result?.ds_transaction_id ?? null,
        three_ds_server_transaction_id: result?.three_ds_server_transaction_id ?? null,
        acs_transaction_id: result?.acs_transaction_id ?? null,
      },
    },
  };
}
