import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { SecurityModule } from '../security/security.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { OutcomeAnalytics } from './outcome-analytics.service.js';

/** `/v1/analytics`: read-only summaries of a team's authentications. */
@Module({
  imports: [PersistenceModule, SecurityModule],
  controllers: [AnalyticsController],
  providers: [OutcomeAnalytics],
})
export class AnalyticsModule {}
