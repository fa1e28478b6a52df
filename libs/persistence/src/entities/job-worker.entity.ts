import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A live job worker pool (one per process) and its last heartbeat. Jobs locked by a pool whose
 * heartbeat stopped are handed back to the queue long before the queue's own 4-hour recovery.
 */
@Entity({ name: 'job_workers' })
export class JobWorkerEntity {
  /** graphile-worker's pool id, the `locked_by` of the jobs it runs. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_job_workers' })
  poolId: string;

  /** host:pid, for operators. */
  @Column({ type: 'text' })
  instance: string;

  @Column({ type: 'timestamptz' })
  heartbeatAt: Date;
}
