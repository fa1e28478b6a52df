import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, type TeamRequest } from '../http/api-key.guard.js';
import { IdPipe } from '../http/id.pipe.js';
import {
  CreateEndpointRequestDto,
  ListEventsQueryDto,
  ResendEventRequestDto,
} from './dto/team-events.request.dto.js';
import { TeamEventsService } from './team-events.service.js';

/** A team's event endpoints: register (the signing secret is shown once), list, remove. */
@Controller('v1/webhook-endpoints')
@UseGuards(ApiKeyGuard)
export class TeamEndpointsController {
  constructor(private readonly teamEvents: TeamEventsService) {}

  @Post()
  create(@Req() request: TeamRequest, @Body() body: CreateEndpointRequestDto) {
    return this.teamEvents.createEndpoint(request.team!, body);
  }

  @Get()
  list(@Req() request: TeamRequest) {
    return this.teamEvents.listEndpoints(request.team!);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Req() request: TeamRequest, @Param('id', new IdPipe('ep')) id: string) {
    await this.teamEvents.removeEndpoint(request.team!, id);
  }
}

/** The events sent to a team, each delivery and attempt, and re-sending. */
@Controller('v1/events')
@UseGuards(ApiKeyGuard)
export class TeamEventsController {
  constructor(private readonly teamEvents: TeamEventsService) {}

  @Get()
  list(@Req() request: TeamRequest, @Query() query: ListEventsQueryDto) {
    return this.teamEvents.listEvents(request.team!, query.authentication_id, query.limit);
  }

  @Get(':id')
  get(@Req() request: TeamRequest, @Param('id', new IdPipe('msg')) id: string) {
    return this.teamEvents.event(request.team!, id);
  }

  @Post(':id/resend')
  @HttpCode(202)
  resend(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('msg')) id: string,
    @Body() body: ResendEventRequestDto,
  ) {
    return this.teamEvents.resend(request.team!, id, body);
  }
}
