import { AUTHENTICATION_STATES, EFFECTS_ON_ENTER, recheckDeadlineOf } from '@app/domain';
import { AuthenticationJobs } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';

/** Orphans found at start-up are re-read over this long, not all at once. */
const ORPHAN_SPREAD_MS = 60_000;

/**
 * Open authentications with no job to move them on (written before the queue existed, or by an
 * older release during a rolling deploy) get the follow-up their state implies: a deadline for a
 * waiting one, `complete` for an unconfirmed result. Done once the queue is up (RecheckTask).
 */
@Injectable()
export class OrphanedFollowups {
  private readonly logger = new Logger(OrphanedFollowups.name);

  constructor(private readonly authenticationJobs: AuthenticationJobs) {}

  async adopt(): Promise<void> {
    const adopted = await this.authenticationJobs.adoptOrphans({
      waitingStates: AUTHENTICATION_STATES.filter((state) => recheckDeadlineOf(state)),
      completingStates: AUTHENTICATION_STATES.filter((state) =>
        EFFECTS_ON_ENTER[state].some((effect) => effect.type === 'complete_session'),
      ),
      spreadMs: ORPHAN_SPREAD_MS,
    });
    if (adopted > 0) {
      this.logger.warn({ msg: 'queued follow-ups for orphaned authentications', adopted });
    }
  }
}
