import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { FlowModule } from '../flow/flow.module.js';
import { SecurityModule } from '../security/security.module.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { AuthenticationSteps } from './authentication-steps.service.js';
import { AuthenticationsController } from './authentications.controller.js';
import { AuthenticationsService } from './authentications.service.js';
import { ClaimRequests } from './claim-requests.service.js';
import { ClaimsController } from './claims.controller.js';
import { CreateReplay } from './idempotency/create-replay.service.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';

/**
 * The team API: `/v1/authentications`, its reads, the Idempotency-Key of its creates, and the
 * claims on its results.
 */
@Module({
  imports: [PersistenceModule, SecurityModule, FlowModule],
  controllers: [AuthenticationsController, ClaimsController],
  providers: [
    AuthenticationQueries,
    AuthenticationSteps,
    AuthenticationsService,
    ClaimRequests,
    CreateReplay,
    IdempotencyInterceptor,
  ],
})
export class AuthenticationsModule {}
