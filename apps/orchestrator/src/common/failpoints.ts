import { Inject, Injectable, Logger } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';

/**
 * Where the crash tests kill the process: the moments a crash could lose or repeat work. The
 * values are what FAILPOINTS names, so they keep the words the crash tests were written with.
 */
export const FAILPOINTS = {
  /** The provider created the session; nothing about it is committed yet. */
  sessionCreated: 'after_checkout_create',
  /** The create's outcome is committed; the caller has no answer yet. */
  beforeCreateAnswer: 'before_create_answer',
  /** A provider event is in the inbox with its job; the provider has no answer yet. */
  providerEventReceived: 'after_webhook_received',
  /** A team endpoint accepted an event; the delivery is not marked delivered yet. */
  teamEventSent: 'after_team_event_sent',
} as const;
export type Failpoint = keyof typeof FAILPOINTS;

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
    const name = FAILPOINTS[point];
    if (!this.armed.has(name)) return;
    this.logger.warn(`failpoint ${name}: killing the process`);
    process.kill(process.pid, 'SIGKILL');
  }
}
