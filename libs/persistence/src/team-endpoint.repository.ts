import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { TeamEndpointEntity } from './entities/team-endpoint.entity.js';

/** Payment teams' event endpoints. A removed endpoint is kept (disabled) for the delivery log. */
@Injectable()
export class TeamEndpointRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers an endpoint unless its team already has `limit` active ones. Count and insert run
   * under a per-team transaction-scoped advisory lock, so concurrent registrations of one team
   * take turns: each counts what the one before it committed, and the limit holds.
   */
  async createWithinLimit(
    endpoint: Omit<TeamEndpointEntity, 'createdAt' | 'disabledAt' | 'redeliveryUntil'>,
    limit: number,
  ): Promise<TeamEndpointEntity | 'limit_reached'> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('team_endpoints'), hashtext($1))`,
        [endpoint.teamId],
      );
      const endpoints = manager.getRepository(TeamEndpointEntity);
      const active = await endpoints.countBy({ teamId: endpoint.teamId, disabledAt: IsNull() });
      if (active >= limit) return 'limit_reached';
      await endpoints.insert(endpoint);
      return endpoints.findOneByOrFail({ id: endpoint.id });
    });
  }

  listActive(teamId: string): Promise<TeamEndpointEntity[]> {
    return this.dataSource.getRepository(TeamEndpointEntity).find({
      where: { teamId, disabledAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  findForTeam(teamId: string, id: string): Promise<TeamEndpointEntity | null> {
    return this.dataSource.getRepository(TeamEndpointEntity).findOneBy({ teamId, id });
  }

  /** The active endpoint with its setting changed, or null when the team has no such endpoint. */
  async setRedelivery(
    teamId: string,
    id: string,
    redeliverDeadEvents: boolean,
  ): Promise<TeamEndpointEntity | null> {
    const { affected } = await this.dataSource
      .getRepository(TeamEndpointEntity)
      .update({ teamId, id, disabledAt: IsNull() }, { redeliverDeadEvents });
    return affected === 1 ? this.findForTeam(teamId, id) : null;
  }

  /** True when an active endpoint was disabled now. */
  async disable(teamId: string, id: string): Promise<boolean> {
    const { affected } = await this.dataSource
      .getRepository(TeamEndpointEntity)
      .update({ teamId, id, disabledAt: IsNull() }, { disabledAt: new Date() });
    return affected === 1;
  }
}
