import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
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
import { MetricsModule } from '../metrics/metrics.module.js';

@Module({
  imports: [PersistenceModule, MetricsModule, SecurityModule, CommonModule],
  controllers: [AuthenticationsController, InboundController],
  providers: [
    AppChallengeResults,
    AuthenticationQueries,
    IdempotencyInterceptor,
    AuthenticationTransitionsService,
    AuthenticationsService,
    CheckoutSync,
    CompleteSessionTask,
    CreateReplay,
    FollowupPlanner,
    InboundService,
    OrphanedFollowups,
    RecheckTask,
    SessionUpdates,
  ],
  exports: [PersistenceModule, AuthenticationTransitionsService, CheckoutSync],
})
export class AuthenticationsModule {}
