import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a payment team receives signed events (Standard Webhooks), and the key that signs them. */
@Entity({ name: 'team_endpoints' })
@Index('IDX_team_endpoints_team', ['teamId'])
export class TeamEndpointEntity {
  /** `ep_…` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_team_endpoints' })
  id: string;

  @Column({ type: 'text' })
  teamId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** AES-256-GCM ciphertext of the `whsec_…` signing secret (shown to the team once). */
  @Column({ type: 'text' })
  secretCiphertext: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set when the team removes the endpoint: nothing more is sent to it. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** A delivery that succeeds again queues the endpoint's dead-lettered deliveries again. */
  @Column({ type: 'boolean', default: true })
  redeliverDeadEvents: boolean;

  /** When the last redelivery queued in the current round is due: one round at a time. */
  @Column({ type: 'timestamptz', nullable: true })
  redeliveryUntil: Date | null;
}
