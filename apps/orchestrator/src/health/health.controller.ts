import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

const DATABASE_PING_TIMEOUT_MS = 1_500;

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** The process is up and serving HTTP; says nothing about dependencies. */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'The process is up (no dependency is checked)' })
  live() {
    return this.health.check([]);
  }

  /** Ready to take traffic: PostgreSQL answers. 503 otherwise. */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Ready for traffic: PostgreSQL answers; 503 otherwise' })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
    ]);
  }
}
