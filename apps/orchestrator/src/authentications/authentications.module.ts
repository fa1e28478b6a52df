import { CheckoutClientModule, sessionScopes } from '@app/checkout-client';
import { ThreeDsProvider } from '@app/domain';
import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { checkoutConfig, type CheckoutConfig } from '../config/checkout.config.js';
import { InboundController } from '../checkout-inbound/inbound.controller.js';
import { InboundService } from '../checkout-inbound/inbound.service.js';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor.js';
import { SecurityModule } from '../security/security.module.js';
import { AppChallengeResults } from './app-challenge-results.service.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { AuthenticationsController } from './authentications.controller.js';
import { AuthenticationsService } from './authentications.service.js';
import { CheckoutSync } from './checkout-sync.service.js';
import { CompleteSessionTask } from './complete-session.task.js';
import { CreateReplay } from './create-replay.service.js';
import { FollowupPlanner } from './followups.planner.js';
import { OrphanedFollowups } from './orphaned-followups.js';
import { RecheckTask } from './recheck.task.js';
import { SessionUpdates } from './session-updates.service.js';
import { CommonModule } from '../common/common.module.js';
import { CheckoutMetrics } from '../metrics/checkout.metrics.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RequestContext } from '../logging/request-context.js';
import { PROVIDER_PORT } from '../providers/registry.js';

@Module({
  imports: [
    PersistenceModule,
    MetricsModule,
    SecurityModule,
    CommonModule,
    CheckoutClientModule.forRootAsync({
      imports: [MetricsModule],
      inject: [checkoutConfig.KEY, CheckoutMetrics, RequestContext],
      useFactory: (
        checkout: CheckoutConfig,
        metrics: CheckoutMetrics,
        context: RequestContext,
      ) => ({
        apiUrl: checkout.apiUrl,
        tokenUrl: checkout.tokenUrl,
        clientId: checkout.clientId,
        clientSecret: checkout.clientSecret,
        scopes: sessionScopes(checkout.channels),
        timeouts: {
          tokenMs: checkout.timeoutMs,
          readMs: checkout.timeoutMs,
          writeMs: checkout.timeoutMs,
          authenticationMs: checkout.authenticationTimeoutMs,
        },
        tokenRefreshMarginMs: 60_000,
        observer: metrics,
        currentRequestId: () => context.requestId(),
      }),
    }),
  ],
  controllers: [AuthenticationsController, InboundController],
  providers: [
    AppChallengeResults,
    AuthenticationQueries,
    IdempotencyInterceptor,
    AuthenticationTransitionsService,
    AuthenticationsService,
    ...PROVIDER_PORT,
    CheckoutSync,
    CompleteSessionTask,
    CreateReplay,
    FollowupPlanner,
    InboundService,
    OrphanedFollowups,
    RecheckTask,
    SessionUpdates,
  ],
  exports: [
    PersistenceModule,
    CheckoutClientModule,
    ThreeDsProvider,
    AuthenticationTransitionsService,
    CheckoutSync,
  ],
})
export class AuthenticationsModule {}
