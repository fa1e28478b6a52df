import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Inbox of Checkout workflow webhooks, one row per event id: Checkout delivers at least once and
 * retries for hours, so a repeat is recognised here and answered without effect.
 */
@Entity({ name: 'checkout_webhook_events' })
export class CheckoutWebhookEventEntity {
  /** Checkout's `evt_…`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_checkout_webhook_events' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  checkoutSessionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
