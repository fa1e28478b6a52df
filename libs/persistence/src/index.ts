/** TypeORM entities, explicit migrations, repositories and the embedded PostgreSQL server. */
export {
  AuthenticationRepository,
  type AuthenticationColumns,
  type CallbackRecord,
  type NewAuthentication,
  type TimelineEntry,
  type TransitionWrite,
} from './authentication.repository.js';
export { AuthenticationJobs, type DueFollowup } from './authentication-jobs.repository.js';
export { type CreatingKey, type Followups, type KeyAnswer } from './authentication.statements.js';
export { type StepUpLink } from './step-up.statements.js';
export { API_KEY_REVOKED_CHANNEL, ApiKeyRepository, type NewApiKey } from './api-key.repository.js';
export {
  BacklogRepository,
  JOB_STATUSES,
  type DeliveryBacklog,
  type JobBacklog,
  type JobStatus,
} from './backlog.repository.js';
export { AuthenticationClaims, type ReadClaim } from './authentication-claims.repository.js';
export { ResultClaimEntity } from './entities/result-claim.entity.js';
export {
  ResultClaimRepository,
  type ClaimWrite,
  type NewClaim,
  type ReleaseWrite,
} from './result-claims.repository.js';
export { ApiKeyEntity } from './entities/api-key.entity.js';
export { ProviderEventEntity } from './entities/provider-event.entity.js';
export { EventDeliveryAttemptEntity } from './entities/event-delivery-attempt.entity.js';
export {
  DELIVERY_STATES,
  EventDeliveryEntity,
  type DeliveryState,
} from './entities/event-delivery.entity.js';
export { JobWorkerEntity } from './entities/job-worker.entity.js';
export { TeamEndpointEntity } from './entities/team-endpoint.entity.js';
export { TeamEventEntity } from './entities/team-event.entity.js';
export {
  EventDeliveryRepository,
  type AttemptRecord,
  type DeliveryNext,
  type DeliveryWork,
  type Redelivery,
} from './event-delivery.repository.js';
export { enqueueJobs, JobQueue, type JobSpec } from './jobs/job-queue.js';
export {
  TASKS,
  completeSessionJob,
  completeSessionJobKey,
  payloadOf,
  providerEventJob,
  recheckJob,
  recheckJobKey,
  type ProviderEventPayload,
  type TaskName,
} from './jobs/job-specs.js';
export {
  JOB_POOLS,
  WorkerTask,
  retryDelayMs,
  type JobPool,
  type JobTask,
} from './jobs/job-task.js';
export { TeamEndpointRepository } from './team-endpoint.repository.js';
export {
  TeamEventRepository,
  type DeliveryView,
  type TeamEventDraft,
} from './team-event.repository.js';
export {
  EmbeddedPostgresServer,
  type EmbeddedPostgresOptions,
} from './embedded/embedded-postgres.server.js';
export {
  AuthenticationEventEntity,
  type EventDetail,
} from './entities/authentication-event.entity.js';
export { AuthenticationEntity } from './entities/authentication.entity.js';
export { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
export { IdempotencyKeyRepository } from './idempotency-key.repository.js';
export { MIGRATIONS } from './migrations/index.js';
export { PersistenceModule } from './persistence.module.js';
export {
  ENTITIES,
  guardedDataSource,
  typeOrmOptions,
  type DatabaseTuning,
} from './typeorm-options.js';
export { ProviderEventInbox, type InboxEntry } from './provider-event-inbox.repository.js';
export { JobWorkerRepository } from './job-worker.repository.js';
export {
  OutcomeSummaryRepository,
  type FailureReasonCount,
  type OutcomeGroup,
  type OutcomeSummaryQuery,
  type OutcomeSummaryTerms,
} from './outcome-summary.repository.js';
export { installJobQueueSchema } from './jobs/job-queue-schema.js';
export {
  DATABASE_FAILURE_REASONS,
  databaseFailureReason,
  isDatabaseUnavailable,
  type DatabaseFailureReason,
} from './database-failures.js';
