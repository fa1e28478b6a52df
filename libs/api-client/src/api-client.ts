import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.generated.js';

/** The orchestrator's API: every route, parameter and body as its OpenAPI document has them. */
export type ApiClient = Client<paths>;

type Schemas = components['schemas'];
export type CreateAuthenticationRequest = Schemas['CreateAuthenticationRequest'];
export type CreatedAuthentication = Schemas['CreatedAuthentication'];
export type StepUpRequest = Schemas['StepUpRequest'];
export type Authentication = Schemas['Authentication'];
export type ChannelDataRequest = Schemas['SubmitChannelDataRequest'];
export type ApiError = Schemas['ErrorResponse'];
export type ClaimRequest = Schemas['ClaimRequest'];
export type ReleaseClaimRequest = Schemas['ReleaseClaimRequest'];
export type Claim = Schemas['ClaimWithResult'];
/** The bodies a team's endpoint receives (the document's `webhooks`), by their `type`. */
export type AuthenticationCompletedEvent = Schemas['AuthenticationCompletedEvent'];
export type AuthenticationClaimedEvent = Schemas['AuthenticationClaimedEvent'];
export type AuthenticationClaimReleasedEvent = Schemas['AuthenticationClaimReleasedEvent'];
export type TeamEventBody =
  AuthenticationCompletedEvent | AuthenticationClaimedEvent | AuthenticationClaimReleasedEvent;

export interface ApiClientOptions {
  /** Where the orchestrator answers, e.g. `https://threeds.internal.example`. */
  readonly baseUrl: string;
  /** The team's API key, sent as `Authorization: Bearer …` on every call. */
  readonly apiKey: string;
  /** Another fetch (a proxy agent, a recorder); the global one by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * A team backend's client. Each call names its route as the document spells it and answers
 * `{ data, error, response }`; a create carries its `Idempotency-Key`:
 *
 *     await api.POST('/v1/authentications', {
 *       params: { header: { 'Idempotency-Key': paymentAttemptId } },
 *       body: { source, amount, currency, channel: 'browser', reference },
 *     });
 */
export function createApiClient({ baseUrl, apiKey, fetch }: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${apiKey}` },
    ...(fetch ? { fetch } : {}),
  });
}
