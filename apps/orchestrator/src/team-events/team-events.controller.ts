import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type TeamRequest } from '../http/api-key.guard.js';
import { IdPipe } from '../http/id.pipe.js';
import {
  CreateEndpointRequestDto,
  ListEventsQueryDto,
  ResendEventRequestDto,
  UpdateEndpointRequestDto,
} from './dto/team-events.request.dto.js';
import { TeamEndpointsApi, TeamEventsApi } from './team-events.api-docs.js';
import { TeamEventsService } from './team-events.service.js';

/** A team's event endpoints: register (the signing secret is shown once), list, change, remove. */
@Controller('v1/webhook-endpoints')
@UseGuards(ApiKeyGuard)
@ApiTags('team events')
@ApiBearerAuth('api-key')
export class TeamEndpointsController {
  constructor(private readonly teamEvents: TeamEventsService) {}

  @Post()
  @TeamEndpointsApi.create()
  create(@Req() request: TeamRequest, @Body() body: CreateEndpointRequestDto) {
    return this.teamEvents.createEndpoint(request.team!, body);
  }

  @Get()
  @TeamEndpointsApi.list()
  list(@Req() request: TeamRequest) {
    return this.teamEvents.listEndpoints(request.team!);
  }

  @Patch(':id')
  @TeamEndpointsApi.update()
  update(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('ep')) id: string,
    @Body() body: UpdateEndpointRequestDto,
  ) {
    return this.teamEvents.updateEndpoint(request.team!, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @TeamEndpointsApi.remove()
  async remove(@Req() request: TeamRequest, @Param('id', new IdPipe('ep')) id: string) {
    await this.teamEvents.removeEndpoint(request.team!, id);
  }
}

/** The events sent to a team, each delivery and attempt, and re-sending. */
@Controller('v1/events')
@UseGuards(ApiKeyGuard)
@ApiTags('team events')
@ApiBearerAuth('api-key')
export class TeamEventsController {
  constructor(private readonly teamEvents: TeamEventsService) {}

  @Get()
  @TeamEventsApi.list()
  list(@Req() request: TeamRequest, @Query() query: ListEventsQueryDto) {
    return this.teamEvents.listEvents(request.team!, query.authentication_id, query.limit);
  }

  @Get(':id')
  @TeamEventsApi.get()
  get(@Req() request: TeamRequest, @Param('id', new IdPipe('msg')) id: string) {
    return this.teamEvents.event(request.team!, id);
  }

  @Post(':id/resend')
  @HttpCode(202)
  @TeamEventsApi.resend()
  resend(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('msg')) id: string,
    @Body() body: ResendEventRequestDto,
  ) {
    return this.teamEvents.resend(request.team!, id, body);
  }
}
