import { AUTHENTICATION_STATES, recheckDeadlineOf } from '@app/domain';
import { AuthenticationJobs, JobWorkerRepository } from '@app/persistence';
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
  type WorkerEvents,
  type WorkerUtils,
} from 'graphile-worker';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import pg from 'pg';
import { CompleteSessionTask } from '../authentications/complete-session.task.js';
import { RecheckTask } from '../authentications/recheck.task.js';
import { CheckoutEventTask } from '../providers/checkout/webhooks/checkout-event.task.js';
import { databaseConfig, type DatabaseConfig } from '../config/database.config.js';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { DeliverEventTask } from '../team-events/deliver-event.task.js';
import { TASKS } from './job-specs.js';
import type { JobTask } from './job-task.js';

/** Orphans found at start-up are re-read over this long, not all at once. */
const ORPHAN_SPREAD_MS = 60_000;

interface Pool {
  readonly runner: Runner;
  readonly id: string;
}

/**
 * Runs the durable follow-ups with graphile-worker: jobs are rows written in the transactions
 * that imply them, taken with SKIP LOCKED (one runner per job, across instances), started within
 * milliseconds through LISTEN/NOTIFY. Two pools: the authentication flow (deadlines, complete,
 * Checkout webhooks) and team deliveries, so slow team endpoints never delay a flow. A heartbeat
 * per pool lets any instance hand back the jobs of a process that died, after
 * JOBS_WORKER_DEAD_AFTER_MS instead of the queue's 4 hours.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new NestLogger(JobRunner.name);
  private readonly instance = `${hostname()}:${process.pid}`;
  private readonly groups: readonly { tasks: readonly JobTask[]; concurrency: number }[];
  private pools: Pool[] = [];
  /** The queue's connections, ours to close: see connectionPool(). */
  private readonly connections: pg.Pool[] = [];
  /** One per open connection, settled when its socket has closed (pg's `end()` resolves first). */
  private readonly closing = new Set<Promise<void>>();
  private utils?: WorkerUtils;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    recheck: RecheckTask,
    complete: CompleteSessionTask,
    checkoutEvent: CheckoutEventTask,
    deliver: DeliverEventTask,
    private readonly workers: JobWorkerRepository,
    private readonly authenticationJobs: AuthenticationJobs,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
  ) {
    this.groups = [
      { tasks: [recheck, complete, checkoutEvent], concurrency: config.concurrency },
      { tasks: [deliver], concurrency: config.deliveryConcurrency },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    const connectionString = withApplicationName(this.database.url!, 'orchestrator-jobs');
    for (const group of this.groups) this.pools.push(await this.start(connectionString, group));
    this.utils = await makeWorkerUtils({ pgPool: this.connectionPool(connectionString, 1) });
    await this.adoptOrphans();
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Before the database pools close: running jobs finish, nothing new is taken. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    const started = Date.now();
    await Promise.all(this.pools.map((pool) => pool.runner.stop()));
    this.logger.log({ msg: 'job workers stopped', ms: Date.now() - started });
    for (const pool of this.pools) await this.workers.forget(pool.id).catch(() => undefined);
    await this.utils?.release();
    await Promise.all(this.connections.map((connections) => connections.end()));
    // Only then may the embedded PostgreSQL stop: it would end connections still closing.
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([Promise.all(this.closing), timeout]);
  }

  /**
   * A pool graphile-worker borrows and we close. graphile-worker removes its error listeners from
   * pools it made when a runner stops, so a connection the server ends during shutdown (Ctrl-C
   * reaching PostgreSQL too, a restart) would crash the process with an unhandled 'error' event;
   * these listeners stay until the pool is closed.
   */
  private connectionPool(connectionString: string, max: number): pg.Pool {
    const pool = new pg.Pool({ connectionString, max });
    const warn = (error: Error) =>
      this.logger.warn({ msg: 'job queue connection lost', error: error.message });
    pool.on('error', warn);
    pool.on('connect', (client) => {
      client.on('error', warn);
      const closed: Promise<void> = new Promise((resolve) => client.once('end', resolve)).then(
        () => void this.closing.delete(closed),
      );
      this.closing.add(closed);
    });
    this.connections.push(pool);
    return pool;
  }

  private async start(
    connectionString: string,
    group: { tasks: readonly JobTask[]; concurrency: number },
  ): Promise<Pool> {
    let id = '';
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => (id = workerPool.id));
    const runner = await run(
      {
        pgPool: this.connectionPool(connectionString, group.concurrency + 2),
        concurrency: group.concurrency,
        pollInterval: this.config.pollIntervalMs,
        noHandleSignals: true,
        // A pool only takes jobs of its own tasks.
        taskList: Object.fromEntries(group.tasks.map((task) => [task.name, (p) => task.run(p)])),
        logger: new Logger(() => (level, message) => this.log(level, message)),
        events,
        preset: {
          worker: {
            // The pool fetches for its workers, and after a fetch that found nothing it waits
            // before the next one, however many "new job" notifications arrive meanwhile: most
            // jobs a flow writes are deadlines and leases not yet due, and without this every
            // one of them woke every idle worker into a query (a commit) of its own.
            localQueue: {
              size: group.concurrency,
              refetchDelay: { durationMs: this.config.pollIntervalMs },
            },
          },
        },
        // No recurring jobs (and no crontab file read): every job is written by the move that
        // implies it.
      },
      undefined,
      [],
    );
    return { runner, id };
  }

  /** Open authentications with no job to move them on (e.g. written before this release). */
  private async adoptOrphans(): Promise<void> {
    const adopted = await this.authenticationJobs.adoptOrphans({
      waitingStates: AUTHENTICATION_STATES.filter((state) => recheckDeadlineOf(state)),
      recheckTask: TASKS.recheck,
      completeTask: TASKS.completeSession,
      spreadMs: ORPHAN_SPREAD_MS,
    });
    if (adopted > 0)
      this.logger.warn({ msg: 'queued follow-ups for orphaned authentications', adopted });
  }

  private async beat(): Promise<void> {
    try {
      for (const pool of this.pools) await this.workers.beat(pool.id, this.instance);
      const own = new Set(this.pools.map((pool) => pool.id));
      const silent = (await this.workers.findSilentPools(this.config.workerDeadAfterMs)).filter(
        (id) => !own.has(id),
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
