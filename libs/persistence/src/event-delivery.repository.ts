import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventDeliveryAttemptEntity } from './entities/event-delivery-attempt.entity.js';
import { EventDeliveryEntity } from './entities/event-delivery.entity.js';
import { TeamEndpointEntity } from './entities/team-endpoint.entity.js';
import { TeamEventEntity } from './entities/team-event.entity.js';
import { enqueueJobs } from './jobs/job-queue.js';

export interface DeliveryWork {
  readonly delivery: EventDeliveryEntity;
  readonly event: TeamEventEntity;
  readonly endpoint: TeamEndpointEntity;
}

export interface AttemptRecord {
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** What follows an attempt: done, another try later (its job), or given up (dead letter). */
export type DeliveryNext =
  | { readonly state: 'delivered' }
  | { readonly state: 'pending'; readonly retryInMs: number; readonly task: string }
  | { readonly state: 'dead' };

/** The delivery worker's side of the outbox: what to send, and what came of each attempt. */
@Injectable()
export class EventDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(deliveryId: string): Promise<DeliveryWork | null> {
    const delivery = await this.dataSource
      .getRepository(EventDeliveryEntity)
      .findOneBy({ id: deliveryId });
    if (!delivery) return null;
    const [event, endpoint] = await Promise.all([
      this.dataSource.getRepository(TeamEventEntity).findOneBy({ id: delivery.eventId }),
      this.dataSource.getRepository(TeamEndpointEntity).findOneBy({ id: delivery.endpointId }),
    ]);
    return event && endpoint ? { delivery, event, endpoint } : null;
  }

  /** The attempt, the delivery's new state and its next job, in one transaction. */
  async recordAttempt(deliveryId: string, attempt: AttemptRecord, next: DeliveryNext) {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(EventDeliveryAttemptEntity, { deliveryId, ...attempt });
      await manager.query(
        `UPDATE event_deliveries SET attempts = attempts + 1, state = $2, updated_at = now(),
           delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
           next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $3 / 1000.0) END
         WHERE id = $1`,
        [deliveryId, next.state, next.state === 'pending' ? next.retryInMs : 0],
      );
      if (next.state === 'pending') {
        await enqueueJobs(manager, [
          {
            task: next.task,
            payload: { delivery_id: deliveryId },
            runAfterMs: next.retryInMs,
            key: `delivery:${deliveryId}`,
          },
        ]);
      }
    });
  }
}
