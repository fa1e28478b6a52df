import { Module } from '@nestjs/common';
import { CommonModule } from '../../common/common.module.js';
import { FlowModule } from '../../flow/flow.module.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { AdyenWebhooksController } from './webhooks/adyen-webhooks.controller.js';
import { AdyenWebhooksService } from './webhooks/adyen-webhooks.service.js';

/**
 * What Adyen sends us: its standard webhooks (`POST /webhooks/adyen`), verified and handed to the
 * flow as provider events. Adyen has no callback.
 */
@Module({
  imports: [FlowModule, MetricsModule, CommonModule],
  controllers: [AdyenWebhooksController],
  providers: [AdyenWebhooksService],
})
export class AdyenInboundModule {}
