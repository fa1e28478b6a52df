import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { EventDeliveryAttemptEntity } from './entities/event-delivery-attempt.entity.js';
import { EventDeliveryEntity } from './entities/event-delivery.entity.js';
import { TeamEndpointEntity } from './entities/team-endpoint.entity.js';
import { TeamEventEntity } from './entities/team-event.entity.js';
import { enqueueJobs } from './jobs/job-queue.js';
import { addJobsSql } from './jobs/job-sql.js';
import { deliveryJob, deliveryJobRows } from './jobs/job-specs.js';

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

/**
 * An endpoint that succeeded again gets up to `limit` of its dead deliveries back, one every
 * `spacingMs` (a recovered endpoint is not flooded), each with a fresh set of attempts.
 */
export interface Redelivery {
  readonly spacingMs: number;
  readonly limit: number;
}

/** What follows an attempt: done, another try later (its job), or given up (dead letter). */
export type DeliveryNext =
  | { readonly state: 'delivered'; readonly redeliverDead?: Redelivery }
  | { readonly state: 'pending'; readonly retryInMs: number }
  | { readonly state: 'dead' };

/**
 * Opens a round of redeliveries for an endpoint that has dead deliveries, lets it redeliver
 * them and has no round under way. The row lock makes concurrent successes take turns: the
 * second finds the round open and does nothing, so no dead delivery is queued twice.
 */
const OPEN_REDELIVERY_ROUND = `
  UPDATE team_endpoints SET redelivery_until = now() + make_interval(secs => $2 / 1000.0 * (
      SELECT least(count(*), $3) FROM event_deliveries WHERE endpoint_id = $1 AND state = 'dead'))
  WHERE id = $1 AND redeliver_dead_events AND disabled_at IS NULL
    AND (redelivery_until IS NULL OR redelivery_until <= now())
    AND EXISTS (SELECT 1 FROM event_deliveries WHERE endpoint_id = $1 AND state = 'dead')
  RETURNING id`;

/** The round's dead deliveries, oldest first, pending again one every `spacing`, with jobs. */
const REQUEUE_DEAD = `
  WITH dead AS (
    SELECT id, row_number() OVER (ORDER BY id) AS place FROM event_deliveries
    WHERE endpoint_id = $1 AND state = 'dead' ORDER BY id LIMIT $3
  ), requeued AS (
    UPDATE event_deliveries d SET state = 'pending', attempts = 0, updated_at = now(),
      next_attempt_at = now() + make_interval(secs => $2 / 1000.0 * dead.place)
    FROM dead WHERE d.id = dead.id AND d.state = 'dead'
    RETURNING d.id, d.next_attempt_at
  )
  SELECT count(*)::int AS jobs
  FROM ${addJobsSql(deliveryJobRows('requeued', 'extract(epoch FROM next_attempt_at - now()) * 1000'))}`;

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

  /**
   * The attempt, the delivery's new state and its next job, in one transaction; after a success,
   * the endpoint's dead deliveries queued again when it asks for that. Answers how many were.
   */
  async recordAttempt(
    deliveryId: string,
    attempt: AttemptRecord,
    next: DeliveryNext,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(EventDeliveryAttemptEntity, { deliveryId, ...attempt });
      // A CTE-less UPDATE … RETURNING answers [rows, count] through TypeORM's query().
      const [[delivery]] = await manager.query<[{ endpoint_id: string }[], number]>(
        `UPDATE event_deliveries SET attempts = attempts + 1, state = $2, updated_at = now(),
           delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
           next_attempt_at = CASE WHEN $2 = 'pending' THEN now() + make_interval(secs => $3 / 1000.0) END
         WHERE id = $1 RETURNING endpoint_id`,
        [deliveryId, next.state, next.state === 'pending' ? next.retryInMs : 0],
      );
      if (next.state === 'pending') {
        await enqueueJobs(manager, [deliveryJob(deliveryId, next.retryInMs)]);
      }
      if (next.state !== 'delivered' || !next.redeliverDead || !delivery) return 0;
      return requeueDead(manager, delivery.endpoint_id, next.redeliverDead);
    });
  }
}

async function requeueDead(
  manager: EntityManager,
  endpointId: string,
  { spacingMs, limit }: Redelivery,
): Promise<number> {
  // A CTE-less UPDATE … RETURNING answers [rows, count] through TypeORM's query().
  const [opened] = await manager.query<[unknown[], number]>(OPEN_REDELIVERY_ROUND, [
    endpointId,
    spacingMs,
    limit,
  ]);
  if (opened.length === 0) return 0;
  const [queued]: { jobs: number }[] = await manager.query(REQUEUE_DEAD, [
    endpointId,
    spacingMs,
    limit,
  ]);
  return queued?.jobs ?? 0;
}
