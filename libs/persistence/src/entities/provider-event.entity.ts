import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Inbox of provider events (Checkout's workflow webhooks), one row per provider and event id: a
 * provider delivers at least once and retries for hours, so a repeat is recognised here and
 * answered without effect.
 */
@Entity({ name: 'provider_events' })
export class ProviderEventEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_provider_events' })
  provider: string;

  /** The provider's event id (Checkout's `evt_…`). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_provider_events' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  providerSessionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
