import { JOB_POOLS, JobWorkerRepository, type JobPool, type JobTask } from '@app/persistence';
import {
  Inject,
  Injectable,
  Logger as NestLogger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
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
import type pg from 'pg';
import { databaseConfig, type DatabaseConfig } from '../config/database.config.js';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { QueueConnections } from './queue-connections.js';
import { registeredTasks } from './registered-tasks.js';

/** Between two tries to hand back the jobs of a pool that stopped by itself. */
const REPLACE_RETRY_MS = 1_000;

interface Group {
  readonly pool: JobPool;
  readonly tasks: readonly JobTask[];
  readonly concurrency: number;
}

interface Pool {
  readonly runner: Runner;
  readonly id: string;
  readonly group: Group;
  readonly connections: pg.Pool;
}

/**
 * Runs the durable follow-ups with graphile-worker: jobs are rows written in the transactions
 * that imply them, taken with SKIP LOCKED (one runner per job, across instances), started within
 * milliseconds through LISTEN/NOTIFY. Every module registers its own tasks (@WorkerTask, found
 * through Nest's DiscoveryService), each in a pool: the authentication flow (deadlines, complete,
 * provider events) and team deliveries, so slow team endpoints never delay a flow. A heartbeat
 * per pool lets any instance hand back the jobs of a process that died, after
 * JOBS_WORKER_DEAD_AFTER_MS instead of the queue's 4 hours. A database outage pauses the pools;
 * one that stops by itself is replaced (docs/design.md#database-outages).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new NestLogger(JobRunner.name);
  private readonly instance = `${hostname()}:${process.pid}`;
  private groups: readonly Group[] = [];
  private pools: Pool[] = [];
  private connections?: QueueConnections;
  private utils?: WorkerUtils;
  private heartbeat?: NodeJS.Timeout;
  /** Heartbeats run one after another; a pool is forgotten only once none is writing it. */
  private beating$: Promise<void> = Promise.resolve();
  private stopping = false;
  /** Pools being replaced after they stopped by themselves (see supervise()). */
  private readonly replacements = new Set<Promise<void>>();
  /** Since when every heartbeat reached the database (undefined: the last one did not). */
  private reachableSince?: number;
  private beating = true;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly workers: JobWorkerRepository,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.groups = this.registeredGroups();
    this.connections = new QueueConnections(
      withApplicationName(this.database.url!, 'orchestrator-jobs'),
    );
    this.utils = await makeWorkerUtils({ pgPool: this.connections.pool(1) });
    for (const group of this.groups) {
      this.pools.push(await this.start(group, { untilListening: true }));
    }
    for (const task of this.groups.flatMap((group) => group.tasks)) await task.queueReady?.();
    await this.nextBeat();
    this.heartbeat = setInterval(() => void this.nextBeat(), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Before the database pools close: running jobs finish, nothing new is taken. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.heartbeat);
    this.connections?.stopWaiting();
    await Promise.allSettled(this.replacements);
    const started = Date.now();
    // A runner that stopped by itself answers stop() with a rejection: it is stopped either way.
    await Promise.allSettled(this.pools.map((pool) => pool.runner.stop()));
    this.logger.log({ msg: 'job workers stopped', ms: Date.now() - started });
    for (const pool of this.pools) await this.workers.forget(pool.id).catch(() => undefined);
    await this.utils?.release();
    await this.connections?.close();
  }

  /**
   * Starts a pool for `group`. `untilListening`: resolves only once its LISTEN connection is up
   * (graphile-worker opens it after run() resolves), so start-up ends with the queue listening
   * and its start-up lines written.
   */
  private async start(group: Group, { untilListening = false } = {}): Promise<Pool> {
    let id = '';
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => (id = workerPool.id));
    const listening = new Promise<void>((resolve) =>
      events.once('pool:listen:success', () => resolve()),
    );
    events.on('pool:fatalError', ({ action }) =>
      this.logger.warn({ msg: 'job worker pool lost the database; replacing it', action }),
    );
    const connections = this.connections!.pool(group.concurrency + 2);
    const runner = await run(
      {
        pgPool: connections,
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
            // Workers do not await completeJob/failJob: unbatched, a failure of either is an
            // unhandled rejection. Batched (even with no delay), it is reported as
            // 'pool:fatalError' and the pool stops, to be replaced (supervise()).
            completeJobBatchDelay: 0,
            failJobBatchDelay: 0,
          },
        },
        // No recurring jobs (and no crontab file read): every job is written by the move that
        // implies it.
      },
      undefined,
      [],
    );
    if (untilListening) await listening;
    const pool = { runner, id, group, connections };
    this.supervise(pool);
    return pool;
  }

  /**
   * A pool stops by itself when it could not record a job's end (the connection died in the
   * middle of completeJob or failJob: those jobs stay locked by it) or its local queue could
   * not give jobs back. Once it has stopped, its locked jobs are handed back (their handlers
   * are idempotent) and a new pool takes its place.
   */
  private supervise(pool: Pool): void {
    const stopped = () => {
      if (this.stopping) return;
      this.pools = this.pools.filter((current) => current !== pool);
      const replacement = this.replace(pool).finally(() => this.replacements.delete(replacement));
      this.replacements.add(replacement);
    };
    void pool.runner.promise.then(stopped, stopped);
  }

  private async replace(stopped: Pool): Promise<void> {
    this.logger.warn({ msg: 'job worker pool stopped; replacing it', pool: stopped.id });
    while (!this.stopping) {
      try {
        await this.utils?.forceUnlockWorkers([stopped.id]);
        // A heartbeat that began before the pool stopped would write its row again.
        await this.beating$;
        await this.workers.forget(stopped.id);
        const pool = await this.start(stopped.group);
        this.pools.push(pool);
        await this.connections!.release(stopped.connections);
        this.logger.log({ msg: 'job worker pool replaced', pool: pool.id, replaced: stopped.id });
        return;
      } catch (error) {
        this.logger.warn({ msg: 'job worker pool not replaced yet', error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, REPLACE_RETRY_MS));
      }
    }
  }

  /** The tasks the modules registered, by pool; a pool without tasks is not started. */
  private registeredGroups(): Group[] {
    const byName = registeredTasks(this.discovery);
    const concurrency: Record<JobPool, number> = {
      flow: this.config.concurrency,
      deliveries: this.config.deliveryConcurrency,
    };
    return JOB_POOLS.map((pool) => ({
      pool,
      tasks: [...byName.values()].filter((one) => one.pool === pool).map((one) => one.task),
      concurrency: concurrency[pool],
    })).filter((group) => group.tasks.length > 0);
  }

  private nextBeat(): Promise<void> {
    this.beating$ = this.beating$.then(() => this.beat());
    return this.beating$;
  }

  private async beat(): Promise<void> {
    try {
      for (const pool of this.pools) await this.workers.beat(pool.id, this.instance);
      if (!this.beating) this.logger.log({ msg: 'job worker heartbeat reached the database' });
      this.beating = true;
      this.reachableSince ??= Date.now();
      // After an outage every heartbeat is stale, live pools' too: judge others silent only
      // once this process has itself reached the database for a whole JOBS_WORKER_DEAD_AFTER_MS.
      if (Date.now() - this.reachableSince < this.config.workerDeadAfterMs) return;
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
      // One line when the heartbeats start failing, not one per beat through an outage.
      if (this.beating)
        this.logger.warn({ msg: 'job worker heartbeat failed', error: String(error) });
      this.beating = false;
      this.reachableSince = undefined;
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
