import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { DatabaseReadiness } from './database-readiness.js';
import { ProviderCircuitsReport } from './provider-circuits-report.js';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseReadiness,
    private readonly providers: ProviderCircuitsReport,
  ) {}

  /** The process is up and serving HTTP; says nothing about dependencies. */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'The process is up (no dependency is checked)' })
  live() {
    return this.health.check([]);
  }

  /**
   * Ready to take traffic: PostgreSQL answers. 503 otherwise, with the reason. `providers` shows
   * each provider's circuit breaker and never makes the answer 503.
   */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Ready for traffic: PostgreSQL answers; 503 otherwise, e.g. `error.database: {status: "down", reason: "connection refused"}`. `info.providers` shows the circuit breaker of each provider (`circuit`: closed, half_open, open) and never makes it 503',
  })
  ready() {
    return this.health.check([
      () => this.database.check('database'),
      () => this.providers.check('providers'),
    ]);
  }
}
