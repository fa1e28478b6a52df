import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event for a payment team (outbox), written in the same transaction as the move that caused
 * it. Its id is the Standard Webhooks `webhook-id`: the same on every attempt and endpoint.
 */
@Entity({ name: 'team_events' })
@Index('IDX_team_events_team_created', ['teamId', 'createdAt'])
@Index('IDX_team_events_authentication', ['authenticationId'])
export class TeamEventEntity {
  /** `msg_…` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_team_events' })
  id: string;

  @Column({ type: 'text' })
  teamId: string;

  @Column({ type: 'text' })
  authenticationId: string;

  /** e.g. `authentication.completed` */
  @Column({ type: 'text' })
  type: string;

  /** The exact body sent: `{type, timestamp, data}`; never a cryptogram or card data. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
