import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseReadiness } from './database-readiness.js';
import { HealthController } from './health.controller.js';
import { ProviderCircuitsReport } from './provider-circuits-report.js';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [DatabaseReadiness, ProviderCircuitsReport],
})
export class HealthModule {}
