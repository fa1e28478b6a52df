import { SimulatorClock, RouteFaults, RequestLog } from '@app/simulator-kit';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AcsController } from './acs/acs.controller.js';
import { AuthenticationEngine } from './authentications/authentication-engine.js';
import { AuthenticationStore } from './authentications/authentication.store.js';
import { CheckoutShopperController } from './authentications/checkoutshopper.controller.js';
import { PaymentApiController, PaymentsController } from './authentications/payments.controller.js';
import { adyenSimulatorConfig } from './config/adyen-simulator.config.js';
import { ControlController } from './control/control.controller.js';
import { HttpHooks } from './control/http-hooks.js';
import { HealthController } from './health/health.controller.js';
import { AdyenErrorFilter } from './http/adyen-error.filter.js';
import { IdempotencyStore } from './http/idempotency.interceptor.js';
import { DeliveryFaults } from './webhooks/delivery-faults.js';
import { WebhookSender } from './webhooks/webhook.sender.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [adyenSimulatorConfig] }),
  ],
  controllers: [
    HealthController,
    PaymentsController,
    PaymentApiController,
    CheckoutShopperController,
    AcsController,
    ControlController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: AdyenErrorFilter },
    AuthenticationEngine,
    AuthenticationStore,
    DeliveryFaults,
    HttpHooks,
    IdempotencyStore,
    RequestLog,
    RouteFaults,
    SimulatorClock,
    WebhookSender,
  ],
})
export class AdyenSimulatorModule {}
