import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Plain values only: the timeline never holds card data or secrets. */
export type EventDetail = Record<string, string | number | boolean | null>;

/** Append-only timeline: every input and transition, with where it came from. */
@Entity({ name: 'authentication_events' })
@Index('IDX_authentication_events_authentication', ['authenticationId', 'id'])
// One row per distinct outside input (its hash in detail.input): an expression index, written in
// the migration, that TypeORM cannot describe, hence synchronize: false.
@Index('UQ_authentication_events_input', { synchronize: false })
export class AuthenticationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_authentication_events' })
  id: string;

  @Column({ type: 'text' })
  authenticationId: string;

  /** A domain event type, or an input that moved nothing (e.g. `callback_received`). */
  @Column({ type: 'text' })
  event: string;

  @Column({ type: 'text', nullable: true })
  fromState: string | null;

  @Column({ type: 'text', nullable: true })
  toState: string | null;

  /** api, challenge_notification, method_notification, the provider's callback, … */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'jsonb', nullable: true })
  detail: EventDetail | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
