import { JobWorkerRepository } from '@app/persistence';
import {
  Inject,
  Injectable,
  Logger as NestLogger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  Logger,
  makeWorkerUtils,
  run,
  type LogLevel,
  type Runner,
  type TaskList,
  type WorkerEvents,
  type WorkerUtils,
} from 'graphile-worker';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { CompleteSessionTask } from '../authentications/complete-session.task.js';
import { RecheckTask } from '../authentications/recheck.task.js';
import { CheckoutEventTask } from '../checkout-webhooks/checkout-event.task.js';
import { databaseConfig, type DatabaseConfig } from '../config/database.config.js';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { DeliverEventTask } from '../team-events/deliver-event.task.js';
import type { JobTask } from './job-task.js';

/**
 * Runs the durable follow-ups with graphile-worker: jobs are rows written in the transactions
 * that imply them, taken with SKIP LOCKED (one runner per job, across instances), started within
 * milliseconds through LISTEN/NOTIFY. A heartbeat per process lets any instance hand back the
 * jobs of a process that died, after JOBS_WORKER_DEAD_AFTER_MS instead of the queue's 4 hours.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new NestLogger(JobRunner.name);
  private readonly tasks: readonly JobTask[];
  private readonly instance = `${hostname()}:${process.pid}`;
  private runner?: Runner;
  private utils?: WorkerUtils;
  private poolId?: string;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    recheck: RecheckTask,
    complete: CompleteSessionTask,
    checkoutEvent: CheckoutEventTask,
    deliver: DeliverEventTask,
    private readonly workers: JobWorkerRepository,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
  ) {
    this.tasks = [recheck, complete, checkoutEvent, deliver];
  }

  async onApplicationBootstrap(): Promise<void> {
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => (this.poolId = workerPool.id));
    const connectionString = withApplicationName(this.database.url!, 'orchestrator-jobs');
    this.runner = await run({
      connectionString,
      maxPoolSize: this.config.concurrency + 2,
      concurrency: this.config.concurrency,
      pollInterval: this.config.pollIntervalMs,
      noHandleSignals: true,
      taskList: this.taskList(),
      crontab: '', // no recurring jobs: every job is written by the move that implies it
      logger: new Logger(() => (level, message) => this.log(level, message)),
      events,
    });
    this.utils = await makeWorkerUtils({ connectionString, maxPoolSize: 1 });
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Before the database pools close: running jobs finish, nothing new is taken. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    const started = Date.now();
    await this.runner?.stop();
    this.logger.log({ msg: 'job worker stopped', ms: Date.now() - started });
    if (this.poolId) await this.workers.forget(this.poolId).catch(() => undefined);
    await this.utils?.release();
  }

  private taskList(): TaskList {
    return Object.fromEntries(
      this.tasks.map((task) => [task.name, (payload) => task.run(payload)]),
    );
  }

  private async beat(): Promise<void> {
    try {
      if (this.poolId) await this.workers.beat(this.poolId, this.instance);
      const silent = (await this.workers.findSilentPools(this.config.workerDeadAfterMs)).filter(
        (id) => id !== this.poolId,
      );
      if (silent.length > 0) {
        await this.utils?.forceUnlockWorkers(silent);
        this.logger.warn({ msg: 'released the jobs of silent worker pools', pools: silent });
      }
      await this.workers.forgetSilent(this.config.workerDeadAfterMs);
    } catch (error) {
      this.logger.warn({ msg: 'job worker heartbeat failed', error: String(error) });
    }
  }

  /** graphile-worker's own messages (job failures, retries) through the app's logger. */
  private log(level: LogLevel, message: string): void {
    if (level === 'error') this.logger.error(message);
    else if (level === 'warning') this.logger.warn(message);
    else if (level === 'info') this.logger.log(message);
  }
}

/** Shown in pg_stat_activity, so operators can tell the worker's connections apart. */
function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}
