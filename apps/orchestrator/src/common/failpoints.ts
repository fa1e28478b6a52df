import { Inject, Injectable, Logger } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';

/** Where the crash tests kill the process: the moments a crash could lose or repeat work. */
export const FAILPOINTS = [
  /** Checkout created the session; nothing about it is committed yet. */
  'after_checkout_create',
  /** The create's outcome is committed; the caller has no answer yet. */
  'before_create_answer',
  /** A Checkout webhook is in the inbox with its job; Checkout has no answer yet. */
  'after_webhook_received',
  /** A team endpoint accepted an event; the delivery is not marked delivered yet. */
  'after_team_event_sent',
] as const;
export type Failpoint = (typeof FAILPOINTS)[number];

/**
 * SIGKILL at a named point when FAILPOINTS lists it (tests only; the environment check refuses
 * it in production). Nothing after the point runs: no shutdown hooks, no buffered writes.
 */
@Injectable()
export class Failpoints {
  private readonly logger = new Logger(Failpoints.name);
  private readonly armed: ReadonlySet<string>;

  constructor(@Inject(jobsConfig.KEY) config: JobsConfig) {
    this.armed = new Set(config.failpoints);
  }

  hit(point: Failpoint): void {
    if (!this.armed.has(point)) return;
    this.logger.warn(`failpoint ${point}: killing the process`);
    process.kill(process.pid, 'SIGKILL');
  }
}
