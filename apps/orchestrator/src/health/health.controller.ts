import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseReadiness } from './database-readiness.js';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseReadiness,
  ) {}

  /** The process is up and serving HTTP; says nothing about dependencies. */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'The process is up (no dependency is checked)' })
  live() {
    return this.health.check([]);
  }

  /** Ready to take traffic: PostgreSQL answers. 503 otherwise, with the reason. */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Ready for traffic: PostgreSQL answers; 503 otherwise, e.g. `error.database: {status: "down", reason: "connection refused"}`',
  })
  ready() {
    return this.health.check([() => this.database.check('database')]);
  }
}
