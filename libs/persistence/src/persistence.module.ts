import { Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository.js';
import { AuthenticationClaims } from './authentication-claims.repository.js';
import { AuthenticationJobs } from './authentication-jobs.repository.js';
import { AuthenticationRepository } from './authentication.repository.js';
import { BacklogRepository } from './backlog.repository.js';

import { EventDeliveryRepository } from './event-delivery.repository.js';
import { IdempotencyKeyRepository } from './idempotency-key.repository.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobWorkerRepository } from './job-worker.repository.js';
import { OutcomeSummaryRepository } from './outcome-summary.repository.js';
import { ProviderEventInbox } from './provider-event-inbox.repository.js';
import { ResultClaimRepository } from './result-claims.repository.js';
import { TeamEndpointRepository } from './team-endpoint.repository.js';
import { TeamEventRepository } from './team-event.repository.js';

const REPOSITORIES = [
  ApiKeyRepository,
  AuthenticationClaims,
  AuthenticationJobs,
  AuthenticationRepository,
  BacklogRepository,
  EventDeliveryRepository,
  IdempotencyKeyRepository,
  JobQueue,
  JobWorkerRepository,
  OutcomeSummaryRepository,
  ProviderEventInbox,
  ResultClaimRepository,
  TeamEndpointRepository,
  TeamEventRepository,
];

/** Repositories over the app's TypeORM DataSource (configured by the app with typeOrmOptions). */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class PersistenceModule {}
