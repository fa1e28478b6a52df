import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { TeamEndpointEntity } from './entities/team-endpoint.entity.js';

/** Payment teams' event endpoints. A removed endpoint is kept (disabled) for the delivery log. */
@Injectable()
export class TeamEndpointRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(endpoint: Omit<TeamEndpointEntity, 'createdAt' | 'disabledAt' | 'redeliveryUntil'>) {
    await this.dataSource.getRepository(TeamEndpointEntity).insert(endpoint);
    return (await this.findForTeam(endpoint.teamId, endpoint.id))!;
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
