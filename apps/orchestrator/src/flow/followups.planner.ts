import { assertNever, effectsOf, mootEffectsOf, type AuthenticationState } from '@app/domain';
import {
  completeSessionJob,
  completeSessionJobKey,
  recheckJob,
  recheckJobKey,
  type AuthenticationEntity,
  type Followups,
  type JobSpec,
} from '@app/persistence';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { CompletionNotice } from './completion-notice.js';

/**
 * Turns the domain's effects of a move into what commits with it: deadline and completion jobs,
 * and the team's event (its CompletionNotice). Deciding stays in the domain (`effectsOf`).
 * `complete` is sent at once by the process that made the move (CompleteSessionTask.soon); its
 * job is a lease, due only if that process died first. Jobs a move makes moot are removed.
 */
@Injectable()
export class FollowupPlanner {
  constructor(
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Optional() private readonly notice?: CompletionNotice,
  ) {}

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
          teamEvent = this.notice?.draftFor(after);
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
