import { backoffDelayMs } from '@app/domain';
import { AuthenticationJobs, type DueFollowup, type JobTask } from '@app/persistence';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { registeredTasks } from './registered-tasks.js';

/** Unexpected failures of a follow-up are retried from 1 s, doubling, up to an hour. */
const FAILURE_BACKOFF = { baseMs: 1_000, capMs: 3_600_000 };

/**
 * Runs the authentications' own follow-ups (deadlines, the `complete` lease), kept on their rows:
 * every JOBS_POLL_INTERVAL_MS it claims those due, up to JOBS_CONCURRENCY at a time, each leased
 * for JOBS_WORKER_DEAD_AFTER_MS (a process that dies leaves them due again then, for any
 * instance; SKIP LOCKED keeps two instances off the same row), and hands each to its task as
 * the queue would. One indexed query per interval, no job row, no NOTIFY per move.
 */
@Injectable()
export class DueFollowupRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DueFollowupRunner.name);
  private tasks = new Map<string, JobTask>();
  private readonly running = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopping = false;
  /** One line when claims start failing (a database outage), not one per poll. */
  private claiming = true;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly authenticationJobs: AuthenticationJobs,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.tasks = new Map(
      [...registeredTasks(this.discovery)].map(([name, { task }]) => [name, task]),
    );
    this.schedule(0);
  }

  /** Before the database pools close: nothing new is claimed, the running ones finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const free = this.config.concurrency - this.running.size;
    let claimed: DueFollowup[] = [];
    if (free > 0) {
      try {
        claimed = await this.authenticationJobs.claimDue(free, this.config.workerDeadAfterMs);
        if (!this.claiming) this.logger.log({ msg: 'due follow-ups claimed again' });
        this.claiming = true;
      } catch (error) {
        if (this.claiming)
          this.logger.warn({ msg: 'claiming due follow-ups failed', error: String(error) });
        this.claiming = false;
      }
    }
    for (const claim of claimed) {
      const run = this.run(claim).finally(() => this.running.delete(run));
      this.running.add(run);
    }
    // A full batch: more may be due, so claim again as soon as one ends; else wait the interval.
    if (free > 0 && claimed.length === free) {
      void Promise.race(this.running).then(() => this.schedule(0));
    } else {
      this.schedule(this.config.pollIntervalMs);
    }
  }

  private async run(claim: DueFollowup): Promise<void> {
    const task = this.tasks.get(claim.task);
    try {
      if (!task) throw new Error(`no task ${claim.task}`);
      await task.run(claim.payload);
      await this.authenticationJobs.release(claim);
    } catch (error) {
      const failures = Number(claim.payload.failures ?? 0) + 1;
      this.logger.error({
        msg: 'due follow-up failed',
        task: claim.task,
        id: claim.authenticationId,
        failures,
        error: String(error),
      });
      await this.authenticationJobs
        .retryLater(claim, backoffDelayMs(FAILURE_BACKOFF, failures, Math.random()), failures)
        .catch(() => undefined); // the lease still ends: due again then
    }
  }
}
