import { Module } from '@nestjs/common';
import { AuthenticationsModule } from '../../../authentications/authentications.module.js';
import { CommonModule } from '../../../common/common.module.js';
import { MetricsModule } from '../../../metrics/metrics.module.js';
import { CheckoutEventTask } from './checkout-event.task.js';
import { CheckoutWebhooksController } from './checkout-webhooks.controller.js';
import { CheckoutWebhooksService } from './checkout-webhooks.service.js';

/** `POST /webhooks/checkout` and the job that acts on each event. */
@Module({
  imports: [AuthenticationsModule, MetricsModule, CommonModule],
  controllers: [CheckoutWebhooksController],
  providers: [CheckoutWebhooksService, CheckoutEventTask],
})
export class CheckoutWebhooksModule {}
