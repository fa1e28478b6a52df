/**
 * The orchestrator's typed API client for payment teams' backends: types generated from the
 * service's own OpenAPI document (`npm run client:generate`), calls made by openapi-fetch.
 */
export {
  createApiClient,
  type ApiClient,
  type ApiClientOptions,
  type ApiError,
  type Authentication,
  type AuthenticationClaimedEvent,
  type AuthenticationClaimReleasedEvent,
  type AuthenticationCompletedEvent,
  type ChannelDataRequest,
  type Claim,
  type ClaimRequest,
  type CreateAuthenticationRequest,
  type CreatedAuthentication,
  type ReleaseClaimRequest,
  type StepUpRequest,
  type TeamEventBody,
} from './api-client.js';
export type { components, operations, paths, webhooks } from './schema.generated.js';
