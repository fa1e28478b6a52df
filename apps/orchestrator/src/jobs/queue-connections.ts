import { backoffDelayMs } from '@app/domain';
import { databaseFailureReason } from '@app/persistence';
import { Logger } from '@nestjs/common';
import pg from 'pg';

/** A connection attempt that cannot reach the server gives up after this and is tried again. */
const CONNECT_TIMEOUT_MS = 5_000;
const RECONNECT_BACKOFF = { baseMs: 200, capMs: 2_000 };

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pool whose promised connections wait for PostgreSQL instead of failing while it is away.
 * graphile-worker takes a connection for every statement, and calls `completeJob`/`failJob`
 * without awaiting them: a refused connection there would be an unhandled rejection, and a job
 * left locked for hours. Waiting turns an outage into a pause. Callback-style connects (the
 * LISTEN client's) keep failing fast: graphile-worker reconnects those with its own backoff.
 */
class PatientPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly patience: { waiting(reason: string): void; reached(): void; over(): boolean },
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return this.connectPatiently();
  }

  private async connectPatiently(): Promise<pg.PoolClient> {
    for (let attempt = 1; ; attempt++) {
      try {
        const client = await super.connect();
        if (attempt > 1) this.patience.reached();
        return client;
      } catch (error) {
        const reason = databaseFailureReason(error);
        if (!reason || this.ending || this.patience.over()) throw error;
        this.patience.waiting(reason);
        const delay = backoffDelayMs(RECONNECT_BACKOFF, attempt, Math.random());
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

/**
 * The job queue's connections, ours to create and close. graphile-worker removes its error
 * listeners from pools it made when a runner stops, so a connection the server ends (a restart,
 * Ctrl-C reaching PostgreSQL too) would crash the process with an unhandled 'error' event; these
 * listeners stay until the pool is closed.
 */
export class QueueConnections {
  private readonly logger = new Logger('JobQueue');
  private readonly pools: pg.Pool[] = [];
  /** One per open connection, settled when its socket has closed (pg's `end()` resolves first). */
  private readonly closing = new Set<Promise<void>>();
  private waiting = false;
  private stopped = false;

  constructor(private readonly connectionString: string) {}

  pool(max: number): pg.Pool {
    const pool = new PatientPool(
      { connectionString: this.connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
      {
        waiting: (reason) => this.noteWaiting(reason),
        reached: () => this.noteReached(),
        over: () => this.stopped,
      },
    );
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
    this.pools.push(pool);
    return pool;
  }

  /** A pool no runner uses any more (it stopped and was replaced). */
  async release(pool: pg.Pool): Promise<void> {
    const index = this.pools.indexOf(pool);
    if (index < 0) return;
    this.pools.splice(index, 1);
    await pool.end();
  }

  /** Shutting down: connections still waiting for the database fail at their next try. */
  stopWaiting(): void {
    this.stopped = true;
  }

  /** Every pool ended and its sockets closed (or 5 s passed). */
  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.pools.map((pool) => pool.end()));
    // Only then may an embedded PostgreSQL stop: it would end connections still closing.
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
    await Promise.race([Promise.all(this.closing), timeout]);
  }

  /** One line when the queue starts waiting, one when it is through (not one per statement). */
  private noteWaiting(reason: string): void {
    if (this.waiting) return;
    this.waiting = true;
    this.logger.warn({ msg: 'job queue waiting for the database', reason });
  }

  private noteReached(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.logger.log({ msg: 'job queue reached the database again' });
  }
}
