import { PersistenceModule } from '@app/persistence';
import { Module } from '@nestjs/common';
import { FlowModule } from '../flow/flow.module.js';
import { SecurityModule } from '../security/security.module.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { AuthenticationSteps } from './authentication-steps.service.js';
import { AuthenticationsController } from './authentications.controller.js';
import { AuthenticationsService } from './authentications.service.js';
import { CreateReplay } from './idempotency/create-replay.service.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';

/** The team API: `/v1/authentications`, its reads, and the Idempotency-Key of its creates. */
@Module({
  imports: [PersistenceModule, SecurityModule, FlowModule],
  controllers: [AuthenticationsController],
  providers: [
    AuthenticationQueries,
    AuthenticationSteps,
    AuthenticationsService,
    CreateReplay,
    IdempotencyInterceptor,
  ],
})
export class AuthenticationsModule {}
