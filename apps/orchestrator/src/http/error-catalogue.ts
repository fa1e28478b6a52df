import type { ErrorCode } from '@app/domain';

/** Refusals made by the HTTP layer itself (framework, guards, pipes), not by a DomainError. */
export const HTTP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'HOST_NOT_ALLOWED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'URI_TOO_LONG',
  'MALFORMED_URL',
  'REQUEST_REJECTED',
  'INTERNAL_ERROR',
] as const;
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** Every `error.code` the orchestrator can answer. */
export type ApiErrorCode = ErrorCode | HttpErrorCode;

export interface ErrorCatalogueEntry {
  /** The HTTP status it is answered with; `4XX` when the status itself tells which refusal. */
  readonly status: number | '4XX';
  readonly meaning: string;
}

/**
 * The one list of error codes, their status and what they mean. The filters take their status
 * from here, the OpenAPI document its `code` enum and per-route errors, docs/errors.md#codes its
 * table.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: {
    status: 400,
    meaning:
      'A field, query parameter or header breaks its rules; `details.errors` says which and why',
  },
  MALFORMED_BODY: {
    status: 400,
    meaning: 'The body is not valid JSON, or holds `__proto__` / `constructor` keys',
  },
  BODY_TOO_DEEP: { status: 400, meaning: 'The JSON body nests deeper than 8 levels' },
  INVALID_CHARACTERS: {
    status: 400,
    meaning: 'A string, key or query value holds control characters',
  },
  CARD_DATA_NOT_ALLOWED: {
    status: 400,
    meaning: 'A card number, in any spelling, outside `source.number` / `source.token`',
  },
  MALFORMED_URL: { status: 400, meaning: 'The URL cannot be decoded' },
  UNAUTHENTICATED: {
    status: 401,
    meaning: 'No valid, unrevoked API key in `Authorization: Bearer …`',
  },
  CALLBACK_TOKEN_INVALID: {
    status: 401,
    meaning: "The callback URL's token is not this authentication's",
  },
  WEBHOOK_SIGNATURE_INVALID: {
    status: 401,
    meaning: "The webhook's `Cko-Signature` (or fixed `Authorization`) does not verify",
  },
  HOST_NOT_ALLOWED: {
    status: 403,
    meaning: 'The demo backend answers only requests addressed to this machine (`Host`, `Origin`)',
  },
  PROCESSING_CHANNEL_NOT_ALLOWED: {
    status: 403,
    meaning: "The `processing_channel_id` is not one of the team's processing channels",
  },
  NOT_FOUND: { status: 404, meaning: 'No such route' },
  AUTHENTICATION_NOT_FOUND: {
    status: 404,
    meaning: "No such authentication for this team (another team's looks the same)",
  },
  EVENT_NOT_FOUND: { status: 404, meaning: 'No such event for this team' },
  ENDPOINT_NOT_FOUND: { status: 404, meaning: 'No such webhook endpoint for this team' },
  CLAIM_NOT_FOUND: { status: 404, meaning: 'No such claim on this authentication' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The route does not take this method' },
  ILLEGAL_TRANSITION: {
    status: 409,
    meaning: "The authentication's state does not allow this action now",
  },
  CONCURRENT_UPDATE: {
    status: 409,
    meaning: 'The authentication changed while this request ran; retry',
  },
  RESULT_NOT_READY: { status: 409, meaning: 'The authentication has no final result yet' },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    meaning: 'A request with this Idempotency-Key is still running; retry shortly',
  },
  ENDPOINT_LIMIT_REACHED: {
    status: 409,
    meaning: 'The team has as many endpoints as allowed; remove one first',
  },
  RESULT_ALREADY_CLAIMED: {
    status: 409,
    meaning:
      'Another payment holds the result; details name its claim (`claim_id`, `payment_reference`)',
  },
  ALREADY_STEPPED_UP: {
    status: 409,
    meaning:
      'The authentication was stepped up already; details name its step-up (`stepped_up_to`)',
  },
  RESULT_STEPPED_UP: {
    status: 409,
    meaning:
      "The authentication was stepped up; claim its step-up's result (details: `stepped_up_to`)",
  },
  RESULT_EXPIRED: {
    status: 410,
    meaning: 'The result is past its validity for a payment (`RESULT_CLAIM_VALIDITY_SECONDS`)',
  },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body is larger than this route accepts' },
  URI_TOO_LONG: { status: 414, meaning: 'A path segment is too long' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    meaning: 'The Content-Type is not one this route parses',
  },
  RESULT_NOT_AUTHORIZABLE: {
    status: 422,
    meaning: 'The authentication ended with nothing a gateway can use; start a new one',
  },
  RESULT_NOT_CLAIMABLE: {
    status: 422,
    meaning:
      'The guidance is `do_not_proceed` or `retry_authentication`: no payment may use the result',
  },
  CLAIM_EXCEEDS_AUTHENTICATION: {
    status: 422,
    meaning: 'The claim asks for more than the authenticated amount, or another currency',
  },
  STEP_UP_NOT_POSSIBLE: {
    status: 422,
    meaning:
      'The original used a stored source (`token`, `id`): no card to check a step-up against; start a new authentication',
  },
  STEP_UP_CARD_MISMATCH: {
    status: 422,
    meaning: "The step-up's card is not the original authentication's",
  },
  STEP_UP_EXCEEDS_ORIGINAL: {
    status: 422,
    meaning: "The step-up asks for more than the original's amount, or another currency",
  },
  PAYMENT_REFERENCE_REUSED: {
    status: 422,
    meaning: 'The payment reference holds a claim with another `psp`, `amount` or `currency`',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    meaning: 'This Idempotency-Key was used with a different body',
  },
  NO_PROVIDER_CAN_SERVE: {
    status: 422,
    meaning:
      "None of the providers the team's routing allows can serve the create; `details.unmet_needs` lists each one's unmet needs. Nothing was recorded",
  },
  CHANNEL_NOT_ENABLED: {
    status: 422,
    meaning: 'The `channel` is not enabled on this service; details list the enabled ones',
  },
  HOSTED_NOT_SUPPORTED: {
    status: 422,
    meaning:
      "A `hosted` authentication is browser only and takes no `channel_data` (Checkout's page gathers it)",
  },
  CHANNEL_MISMATCH: {
    status: 422,
    meaning: "The action belongs to the other channel than the authentication's",
  },
  NO_CARDHOLDER_STEP: {
    status: 422,
    meaning:
      'A merchant-initiated (3RI) authentication has no 3DS Method and no later channel data',
  },
  INITIAL_SESSION_NOT_FOUND: {
    status: 422,
    meaning:
      "`initial_transaction.initial_session_id` is no session of this team's (another team's looks the same)",
  },
  DATA_QUALITY_TOO_LOW: {
    status: 422,
    meaning:
      "The create carries less of the data issuers decide on than the team's minimum; `details` has `score`, `minimum` and `missing`",
  },
  UPSTREAM_REJECTED_REQUEST: {
    status: 422,
    meaning: 'Checkout refused the request; details carry its `error_type` and `error_codes`',
  },
  ENDPOINT_URL_NOT_ALLOWED: {
    status: 422,
    meaning: 'The endpoint URL is not https or does not reach a public address',
  },
  RATE_LIMITED: {
    status: 429,
    meaning: 'Too many requests from this API key or client address; see `Retry-After`',
  },
  REQUEST_REJECTED: {
    status: '4XX',
    meaning: 'Any other refusal by the HTTP framework; the status says which',
  },
  INTERNAL_ERROR: {
    status: 500,
    meaning: 'Something failed on our side; retry, and quote the request id if it persists',
  },
  UPSTREAM_UNAVAILABLE: {
    status: 502,
    meaning: 'Checkout could not be reached or failed; safe to retry later',
  },
  UPSTREAM_BUSY: {
    status: 503,
    meaning: 'Checkout said "not now" (429, 503); retry after `Retry-After`',
  },
  PROVIDER_CIRCUIT_OPEN: {
    status: 503,
    meaning:
      'Calls to the provider are paused after repeated failures (circuit breaker); nothing recorded: retry after `Retry-After`',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    meaning: 'Our database cannot be reached; retry after `Retry-After` (same Idempotency-Key)',
  },
  UPSTREAM_OUTCOME_UNKNOWN: {
    status: 504,
    meaning: 'The provider did not answer the create in time; retry with the same Idempotency-Key',
  },
} as const satisfies Record<ApiErrorCode, ErrorCatalogueEntry>;

export const API_ERROR_CODES = Object.keys(ERROR_CATALOGUE) as readonly ApiErrorCode[];

/** The status a DomainError is answered with (every domain code has a fixed one). */
export const statusOf = (code: ErrorCode): number => ERROR_CATALOGUE[code].status;
