import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { enqueueJobs, type JobSpec } from './jobs/job-queue.js';

export interface InboxEntry {
  /** Checkout's `evt_…`. */
  readonly id: string;
  readonly type: string;
  readonly checkoutSessionId: string | null;
}

/** Checkout webhooks, deduplicated by event id; the job that acts on one commits with it. */
@Injectable()
export class CheckoutWebhookInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** False: this event id was received before (a retry or a duplicate), nothing was queued. */
  receive(entry: InboxEntry, followup: JobSpec | undefined): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO checkout_webhook_events (id, type, checkout_session_id) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [entry.id, entry.type, entry.checkoutSessionId],
      );
      if (inserted.length === 0) return false;
      if (followup) await enqueueJobs(manager, [followup]);
      return true;
    });
  }
}
