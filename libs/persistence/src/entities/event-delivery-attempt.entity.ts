import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One HTTP attempt of a delivery: what the endpoint answered, or why nothing came back. */
@Entity({ name: 'event_delivery_attempts' })
@Index('IDX_event_delivery_attempts_delivery', ['deliveryId', 'id'])
export class EventDeliveryAttemptEntity {
  @PrimaryGeneratedColumn({
    type: 'bigint',
    primaryKeyConstraintName: 'PK_event_delivery_attempts',
  })
  id: string;

  @Column({ type: 'bigint' })
  deliveryId: string;

  /** HTTP status, or null when no answer came (timeout, refused, blocked address). */
  @Column({ type: 'integer', nullable: true })
  status: number | null;

  /** A short code (`timeout`, `ECONNREFUSED`, `blocked_address`), never a response body. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  durationMs: number;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
