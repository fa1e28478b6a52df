import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Heartbeats of job worker pools, and which pools stopped beating while holding jobs. */
@Injectable()
export class JobWorkerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async beat(poolId: string, instance: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO job_workers (pool_id, instance, heartbeat_at) VALUES ($1, $2, now())
       ON CONFLICT (pool_id) DO UPDATE SET heartbeat_at = now()`,
      [poolId, instance],
    );
  }

  async forget(poolId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM job_workers WHERE pool_id = $1', [poolId]);
  }

  /**
   * Pools holding jobs locked for longer than `deadAfterMs` without a heartbeat that recent
   * (never registered ones included): their process is gone, their jobs must run elsewhere.
   */
  async findSilentPools(deadAfterMs: number): Promise<string[]> {
    const rows: { pool_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT j.locked_by AS pool_id FROM graphile_worker.jobs j
       WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1 / 1000.0)
         AND NOT EXISTS (SELECT 1 FROM job_workers w WHERE w.pool_id = j.locked_by
                         AND w.heartbeat_at > now() - make_interval(secs => $1 / 1000.0))`,
      [deadAfterMs],
    );
    return rows.map((row) => row.pool_id);
  }

  async forgetSilent(deadAfterMs: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM job_workers WHERE heartbeat_at < now() - make_interval(secs => $1 / 1000.0)`,
      [deadAfterMs],
    );
  }
}
