import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { enqueueJobs, type JobSpec } from './jobs/job-queue.js';

export interface InboxEntry {
  readonly provider: string;
  /** The provider's event id (Checkout's `evt_…`). */
  readonly id: string;
  readonly type: string;
  readonly providerSessionId: string | null;
}

/** Provider events, deduplicated by provider and event id; the job that acts on one commits with it. */
@Injectable()
export class ProviderEventInbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** False: this event was received before (a retry or a duplicate), nothing was queued. */
  receive(entry: InboxEntry, followup: JobSpec | undefined): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO provider_events (provider, id, type, provider_session_id)
         VALUES ($1, $2, $3, $4) ON CONFLICT (provider, id) DO NOTHING RETURNING id`,
        [entry.provider, entry.id, entry.type, entry.providerSessionId],
      );
      if (inserted.length === 0) return false;
      if (followup) await enqueueJobs(manager, [followup]);
      return true;
    });
  }
}
