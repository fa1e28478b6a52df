import { Controller, Get } from '@nestjs/common';

/** The simulator's own liveness probe (Checkout has no such route; used by docker-compose). */
@Controller('_sim/health')
export class HealthController {
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
