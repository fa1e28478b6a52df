import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { AuthenticationsModule } from '../authentications/authentications.module.js';
import { CheckoutWebhooksModule } from '../providers/checkout/webhooks/checkout-webhooks.module.js';
import { TeamEventsModule } from '../team-events/team-events.module.js';
import { JobRunner } from './job-runner.service.js';

/** The job worker: every task of every feature, run from the queue. */
@Module({
  imports: [PersistenceModule, AuthenticationsModule, CheckoutWebhooksModule, TeamEventsModule],
  providers: [JobRunner],
})
export class JobsModule {}
