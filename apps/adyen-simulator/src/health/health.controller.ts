import { Controller, Get } from '@nestjs/common';

/** The simulator's own liveness probe (Adyen has no such route). */
@Controller('_sim/health')
export class HealthController {
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
