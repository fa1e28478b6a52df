import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type TeamRequest } from '../http/api-key.guard.js';
import { AnalyticsApi } from './analytics.api-docs.js';
import { AnalyticsWindowQueryDto } from './dto/analytics-window.query.dto.js';
import { OutcomeAnalytics } from './outcome-analytics.service.js';

/** Summaries of a team's own authentications, for its dashboards and reviews. */
@Controller('v1/analytics')
@UseGuards(ApiKeyGuard)
@ApiTags('analytics')
@ApiBearerAuth('api-key')
export class AnalyticsController {
  constructor(private readonly outcomes: OutcomeAnalytics) {}

  @Get('authentications')
  @AnalyticsApi.authentications()
  authentications(@Req() request: TeamRequest, @Query() query: AnalyticsWindowQueryDto) {
    return this.outcomes.summary(request.team!, query);
  }
}
