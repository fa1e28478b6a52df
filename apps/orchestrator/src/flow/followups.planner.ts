import { assertNever, effectsOf, mootEffectsOf, type AuthenticationState } from '@app/domain';
import {
  completeSessionJob,
  recheckJob,
  TASKS,
  type AuthenticationEntity,
  type TaskName,
  type Followups,
  type JobSpec,
} from '@app/persistence';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { CompletionNotice } from './completion-notice.js';

/**
 * Turns the domain's effects of a move into what commits with it: the row's own follow-up (its
 * deadline, or the `complete` lease) and the team's event (its CompletionNotice). Deciding stays
 * in the domain (`effectsOf`). `complete` is sent at once by the process that made the move
 * (CompleteSessionTask.soon); the lease is due only if that process died first. A follow-up the
 * move makes moot is cleared.
 */
@Injectable()
export class FollowupPlanner {
  constructor(
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Optional() private readonly notice?: CompletionNotice,
  ) {}

  /** `after`: the authentication as the move leaves it; `from` is null for the insert. */
  plan(from: AuthenticationState | null, after: AuthenticationEntity): Followups {
    let due: JobSpec | undefined;
    let teamEvent: Followups['teamEvent'];
    for (const effect of effectsOf(from, after.state)) {
      switch (effect.type) {
        case 'recheck':
          due = recheckJob(after.id, 1, this.config.recheckMs[effect.deadline]);
          break;
        case 'complete_session':
          if (after.providerSessionId) {
            due = completeSessionJob(after.id, 1, this.config.complete.leaseMs);
          }
          break;
        case 'notify_team':
          teamEvent = this.notice?.draftFor(after);
          break;
        default:
          assertNever(effect);
      }
    }
    return { due, teamEvent, mootTasks: mootTasksOf(from, after.state) };
  }
}

/** A deadline left by a waiting state, a `complete` left by `result_ready`. */
const mootTasksOf = (from: AuthenticationState | null, to: AuthenticationState): TaskName[] =>
  mootEffectsOf(from, to).map((effect) =>
    effect === 'recheck' ? TASKS.recheck : TASKS.completeSession,
  );
