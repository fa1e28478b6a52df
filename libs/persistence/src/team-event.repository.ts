import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventDeliveryAttemptEntity } from './entities/event-delivery-attempt.entity.js';
import { EventDeliveryEntity } from './entities/event-delivery.entity.js';
import { TeamEventEntity } from './entities/team-event.entity.js';
import { addJobsSql } from './jobs/job-sql.js';
import { deliveryJobRows } from './jobs/job-specs.js';

export interface TeamEventDraft {
  readonly id: string;
  readonly teamId: string;
  readonly authenticationId: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

export interface DeliveryView {
  readonly delivery: EventDeliveryEntity;
  readonly attempts: EventDeliveryAttemptEntity[];
}

/**
 * (Re)opens a delivery to every active endpoint of the event's team and queues each, with a
 * fresh set of attempts (the earlier ones stay in the attempt log).
 */
const RESEND_EVENT = `
  WITH reopened AS (
    INSERT INTO event_deliveries (event_id, endpoint_id)
    SELECT e.id, endpoint.id FROM team_events e
    JOIN team_endpoints endpoint ON endpoint.team_id = e.team_id AND endpoint.disabled_at IS NULL
    WHERE e.id = $1 AND e.team_id = $2 AND ($3::text IS NULL OR endpoint.id = $3)
    ON CONFLICT (event_id, endpoint_id) DO UPDATE
      SET state = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
    RETURNING id
  )
  SELECT count(*)::int AS jobs FROM ${addJobsSql(deliveryJobRows('reopened'))}`;

/** Team events (the outbox), as the API shows them and as operators re-send them. */
@Injectable()
export class TeamEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team's events, newest first, optionally for one authentication. */
  listForTeam(
    teamId: string,
    filter: { authenticationId?: string; limit: number },
  ): Promise<TeamEventEntity[]> {
    return this.dataSource.getRepository(TeamEventEntity).find({
      where: {
        teamId,
        ...(filter.authenticationId ? { authenticationId: filter.authenticationId } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: filter.limit,
    });
  }

  findForTeam(teamId: string, id: string): Promise<TeamEventEntity | null> {
    return this.dataSource.getRepository(TeamEventEntity).findOneBy({ teamId, id });
  }

  async deliveriesOf(eventIds: readonly string[]): Promise<Map<string, DeliveryView[]>> {
    const byEvent = new Map<string, DeliveryView[]>(eventIds.map((id) => [id, []]));
    if (eventIds.length === 0) return byEvent;
    const deliveries = await this.dataSource
      .getRepository(EventDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.event_id IN (:...eventIds)', { eventIds })
      .orderBy('d.id', 'ASC')
      .getMany();
    const attempts = deliveries.length
      ? await this.dataSource
          .getRepository(EventDeliveryAttemptEntity)
          .createQueryBuilder('a')
          .where('a.delivery_id IN (:...ids)', { ids: deliveries.map((d) => d.id) })
          .orderBy('a.id', 'ASC')
          .getMany()
      : [];
    for (const delivery of deliveries) {
      byEvent.get(delivery.eventId)!.push({
        delivery,
        attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
      });
    }
    return byEvent;
  }

  /** Queues the event again to the team's active endpoints (or one of them); count queued. */
  async resend(teamId: string, eventId: string, endpointId: string | undefined): Promise<number> {
    const rows: { jobs: number }[] = await this.dataSource.query(RESEND_EVENT, [
      eventId,
      teamId,
      endpointId ?? null,
    ]);
    return rows[0]?.jobs ?? 0;
  }
}
