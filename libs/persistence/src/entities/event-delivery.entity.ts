import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const DELIVERY_STATES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One event to one endpoint: retried with backoff until delivered, or dead-lettered. */
@Entity({ name: 'event_deliveries' })
@Check('CHK_event_deliveries_state', `"state" IN ('pending', 'delivered', 'dead')`)
@Index('UQ_event_deliveries_event_endpoint', ['eventId', 'endpointId'], { unique: true })
// An endpoint that recovers gets its dead deliveries back: found without a scan.
@Index('IDX_event_deliveries_endpoint_dead', ['endpointId', 'id'], { where: `"state" = 'dead'` })
export class EventDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_event_deliveries' })
  id: string;

  @Column({ type: 'text' })
  eventId: string;

  @Column({ type: 'text' })
  endpointId: string;

  @Column({ type: 'text', default: 'pending' })
  state: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
