import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Where a job stands: taken by a worker, out of attempts (kept by graphile-worker for
 * inspection), due now but not taken yet, or waiting for its time.
 */
export const JOB_STATUSES = ['running', 'failed', 'due', 'scheduled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobBacklog {
  readonly task: string;
  readonly status: JobStatus;
  readonly jobs: number;
  /** How long the longest-waiting due job has been due (0 unless `status` is `due`). */
  readonly oldestDueSeconds: number;
}

/** Deliveries still to make (`pending`) or given up on (`dead`); delivered ones are not counted. */
export interface DeliveryBacklog {
  readonly state: 'pending' | 'dead';
  readonly deliveries: number;
  readonly oldestSeconds: number;
}

const JOB_BACKLOG = `
  SELECT task_identifier AS task, status, count(*)::int AS jobs,
         coalesce(extract(epoch FROM max(now() - run_at)), 0)::float8 AS oldest_seconds
  FROM (SELECT task_identifier, run_at,
               CASE WHEN locked_at IS NOT NULL THEN 'running'
                    WHEN attempts >= max_attempts THEN 'failed'
                    WHEN run_at <= now() THEN 'due'
                    ELSE 'scheduled' END AS status
        FROM graphile_worker.jobs
        UNION ALL
        -- The authentications' own follow-ups (a claimed one counts as scheduled until its
        -- lease ends: the row does not say whether its process is still running it).
        SELECT due_task, due_at, CASE WHEN due_at <= now() THEN 'due' ELSE 'scheduled' END
        FROM authentications WHERE due_at IS NOT NULL) j
  GROUP BY task_identifier, status`;

// Counts only the states that stay small (delivered rows grow for ever).
const DELIVERY_BACKLOG = `
  SELECT state, count(*)::int AS deliveries,
         coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
  FROM event_deliveries WHERE state IN ('pending', 'dead')
  GROUP BY state`;

/**
 * What waits in the job queue, on the authentications (their deadlines and `complete` leases) and
 * in the team events outbox: read when metrics are scraped.
 */
@Injectable()
export class BacklogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async jobs(): Promise<JobBacklog[]> {
    const rows: { task: string; status: JobStatus; jobs: number; oldest_seconds: number }[] =
      await this.dataSource.query(JOB_BACKLOG);
    return rows.map((row) => ({
      task: row.task,
      status: row.status,
      jobs: row.jobs,
      oldestDueSeconds: row.status === 'due' ? Math.max(0, row.oldest_seconds) : 0,
    }));
  }

  async teamDeliveries(): Promise<DeliveryBacklog[]> {
    const rows: { state: 'pending' | 'dead'; deliveries: number; oldest_seconds: number }[] =
      await this.dataSource.query(DELIVERY_BACKLOG);
    return rows.map((row) => ({
      state: row.state,
      deliveries: row.deliveries,
      oldestSeconds: Math.max(0, row.oldest_seconds),
    }));
  }
}
