import { SimulatorClock, RouteFaults, RequestLog } from '@app/simulator-kit';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { Acs3ds1Controller } from './acs/acs-3ds1.controller.js';
import { AcsAppController } from './acs/acs-app.controller.js';
import { AcsController } from './acs/acs.controller.js';
import { CallerResolver } from './auth/caller.js';
import { simulatorConfig } from './config/simulator.config.js';
import { RequestValidator } from './contract/request-validator.js';
import { ControlController } from './control/control.controller.js';
import { HttpHooks } from './control/http-hooks.js';
import { CallbackSender } from './delivery/callback.sender.js';
import { DeliveryFaults } from './delivery/delivery-faults.js';
import { WebhookSender } from './delivery/webhook.sender.js';
import { HostedPageController } from './hosted/hosted-page.controller.js';
import { HealthController } from './health/health.controller.js';
import { CheckoutErrorFilter } from './http/checkout-error.filter.js';
import { JsonBodyParser } from './http/json-body.js';
import { AccessTokenService } from './oauth/access-token.service.js';
import { TokenController } from './oauth/token.controller.js';
import { AuthenticationEngine } from './sessions/authentication-engine.js';
import { IssuerSettings } from './sessions/issuer-settings.js';
import { RreqTiming } from './sessions/rreq-timing.js';
import { SessionLifecycle } from './sessions/session-lifecycle.js';
import { SessionStore } from './sessions/session.store.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';

@Module({
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [simulatorConfig] })],
  controllers: [
    HealthController,
    TokenController,
    SessionsController,
    AcsController,
    HostedPageController,
    AcsAppController,
    Acs3ds1Controller,
    ControlController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: CheckoutErrorFilter },
    AccessTokenService,
    AuthenticationEngine,
    CallbackSender,
    CallerResolver,
    DeliveryFaults,
    HttpHooks,
    IssuerSettings,
    JsonBodyParser,
    RequestLog,
    RouteFaults,
    RequestValidator,
    RreqTiming,
    SessionLifecycle,
    SessionStore,
    SessionsService,
    SimulatorClock,
    WebhookSender,
  ],
})
export class SimulatorModule {}
