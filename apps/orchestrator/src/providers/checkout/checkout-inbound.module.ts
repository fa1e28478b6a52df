import { Module } from '@nestjs/common';
import { CommonModule } from '../../common/common.module.js';
import { FlowModule } from '../../flow/flow.module.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { CheckoutCallbackController } from './callback/checkout-callback.controller.js';
import { CheckoutWebhooksController } from './webhooks/checkout-webhooks.controller.js';
import { CheckoutWebhooksService } from './webhooks/checkout-webhooks.service.js';

/**
 * What Checkout sends us: the callback after `complete` (`POST /callbacks/checkout/…`) and its
 * signed webhooks (`POST /webhooks/checkout`), each verified and handed to the flow as a signal.
 */
@Module({
  imports: [FlowModule, MetricsModule, CommonModule],
  controllers: [CheckoutCallbackController, CheckoutWebhooksController],
  providers: [CheckoutWebhooksService],
})
export class CheckoutInboundModule {}
