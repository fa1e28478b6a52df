import type {
  AuthenticationEventType,
  AuthenticationState,
} from './authentication/authentication.machine.js';

/** Stable, public error codes: API clients switch on them. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'BODY_TOO_DEEP',
  'INVALID_CHARACTERS',
  'CARD_DATA_NOT_ALLOWED',
  'AUTHENTICATION_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'CONCURRENT_UPDATE',
  'RESULT_NOT_READY',
  'RESULT_NOT_AUTHORIZABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_USE',
  'CHANNEL_NOT_ENABLED',
  'HOSTED_NOT_SUPPORTED',
  'NO_PROVIDER_CAN_SERVE',
  'CHANNEL_MISMATCH',
  'NO_CARDHOLDER_STEP',
  'PROCESSING_CHANNEL_NOT_ALLOWED',
  'INITIAL_SESSION_NOT_FOUND',
  'DATA_QUALITY_TOO_LOW',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BUSY',
  'UPSTREAM_REJECTED_REQUEST',
  'UPSTREAM_OUTCOME_UNKNOWN',
  'PROVIDER_CIRCUIT_OPEN',
  'DATABASE_UNAVAILABLE',
  'CALLBACK_TOKEN_INVALID',
  'WEBHOOK_SIGNATURE_INVALID',
  'ENDPOINT_NOT_FOUND',
  'ENDPOINT_URL_NOT_ALLOWED',
  'ENDPOINT_LIMIT_REACHED',
  'RATE_LIMITED',
  'EVENT_NOT_FOUND',
  'RESULT_ALREADY_CLAIMED',
  'RESULT_EXPIRED',
  'RESULT_STEPPED_UP',
  'RESULT_NOT_CLAIMABLE',
  'CLAIM_EXCEEDS_AUTHENTICATION',
  'PAYMENT_REFERENCE_REUSED',
  'CLAIM_NOT_FOUND',
  'ALREADY_STEPPED_UP',
  'STEP_UP_NOT_POSSIBLE',
  'STEP_UP_CARD_MISMATCH',
  'STEP_UP_EXCEEDS_ORIGINAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Expected, named failures. No HTTP knowledge: each app maps `code` to a status. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  protected constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class IllegalTransitionError extends DomainError {
  readonly code = 'ILLEGAL_TRANSITION';

  /** `action`: the event, or the API action (e.g. `submit_channel_data`) that was refused. */
  constructor(
    from: AuthenticationState,
    action: AuthenticationEventType | 'submit_channel_data' | 'report_app_challenge_result',
  ) {
    super(`'${action}' is not allowed while the authentication is '${from}'`, {
      state: from,
      action,
    });
  }
}

export class ConcurrentUpdateError extends DomainError {
  readonly code = 'CONCURRENT_UPDATE';

  constructor(authenticationId: string) {
    super('The authentication changed while this request ran; retry', {
      authentication_id: authenticationId,
    });
  }
}

export class AuthenticationNotFoundError extends DomainError {
  readonly code = 'AUTHENTICATION_NOT_FOUND';

  constructor(authenticationId: string) {
    super('No such authentication', { authentication_id: authenticationId });
  }
}

export class ResultNotReadyError extends DomainError {
  readonly code = 'RESULT_NOT_READY';

  constructor(authenticationId: string, state: AuthenticationState) {
    super('The authentication has no final result yet', {
      authentication_id: authenticationId,
      state,
    });
  }
}

/**
 * One refused field of a request: `param` is its JSON path (`channel_data.browser.language`,
 * `items[2].amount`), `message` says in words what is wrong with it, never its value.
 */
export interface FieldError {
  readonly param: string;
  readonly message: string;
}

/** The details of every refusal that names fields: `{"errors": [{param, message}, …]}`. */
export const fieldErrorDetails = (errors: readonly FieldError[]) => ({ errors });

/**
 * An amount above a bound, or a currency other than its currency: `whose` names the bound in
 * words (`the authenticated`, `the original authentication's`).
 */
export function amountOrCurrencyError(
  field: 'amount' | 'currency',
  bound: { readonly amount: number | null; readonly currency: string },
  whose: string,
): FieldError {
  return field === 'amount'
    ? { param: 'amount', message: `must be at most ${whose} amount, ${bound.amount ?? 0}` }
    : { param: 'currency', message: `must be ${whose} currency, ${bound.currency}` };
}

export type InputRefusalCode =
  'MALFORMED_BODY' | 'BODY_TOO_DEEP' | 'INVALID_CHARACTERS' | 'CARD_DATA_NOT_ALLOWED';

/**
 * Input refused before any of our code reads it. Neither the message nor the field's carry the
 * refused value; the field is left out when the whole body is refused.
 */
export class InputRefusedError extends DomainError {
  constructor(
    readonly code: InputRefusalCode,
    message: string,
    field?: FieldError,
  ) {
    super(message, field?.param ? fieldErrorDetails([field]) : {});
  }
}

/** A request that is well-formed field by field but inconsistent as a whole. */
export class InvalidRequestError extends DomainError {
  readonly code = 'VALIDATION_FAILED';

  constructor(param: string, message: string) {
    super(`${param} ${message}`, fieldErrorDetails([{ param, message }]));
  }
}

/** A hosted authentication asked for what only non-hosted can do (app channel, channel data). */
export class HostedNotSupportedError extends DomainError {
  readonly code = 'HOSTED_NOT_SUPPORTED';

  constructor(message: string) {
    super(message);
  }
}

export class CallbackTokenInvalidError extends DomainError {
  readonly code = 'CALLBACK_TOKEN_INVALID';

  constructor() {
    super('Unknown callback');
  }
}

/** A Checkout webhook whose `Cko-Signature` (or fixed Authorization) does not verify. */
export class WebhookSignatureInvalidError extends DomainError {
  readonly code = 'WEBHOOK_SIGNATURE_INVALID';

  constructor() {
    super('Webhook signature does not verify');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super('This Idempotency-Key was used with a different request body');
  }
}

/** A create on a channel this deployment does not authenticate on (its token lacks the scope). */
export class ChannelNotEnabledError extends DomainError {
  readonly code = 'CHANNEL_NOT_ENABLED';

  constructor(channel: string, enabled: readonly string[]) {
    super(`The ${channel} channel is not enabled; enabled: ${enabled.join(', ') || 'none'}`, {
      channel,
      enabled_channels: enabled,
    });
  }
}

/** An action of one channel on an authentication of the other (e.g. an app challenge result). */
export class ChannelMismatchError extends DomainError {
  readonly code = 'CHANNEL_MISMATCH';

  constructor(action: string, expected: string, actual: string) {
    super(`'${action}' is for ${expected} authentications; this one is ${actual}`, {
      action,
      channel: actual,
    });
  }
}

/**
 * A cardholder step (3DS Method, channel data) asked of a merchant-initiated (3RI)
 * authentication: it has no cardholder, and its channel data went with the create.
 */
export class NoCardholderStepError extends DomainError {
  readonly code = 'NO_CARDHOLDER_STEP';

  constructor(action: 'submit_channel_data' | 'report_issuer_fingerprint') {
    super(`A merchant-initiated (3RI) authentication has no cardholder step: '${action}'`, {
      channel: 'merchant_initiated',
      action,
    });
  }
}

export class IdempotencyKeyInUseError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_IN_USE';

  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry shortly');
  }
}

/** The authentication ended without anything a gateway could use (e.g. an error before Checkout). */
export class ResultNotAuthorizableError extends DomainError {
  readonly code = 'RESULT_NOT_AUTHORIZABLE';

  constructor(authenticationId: string, outcome: string | null) {
    super('This authentication has no result to hand to a gateway; start a new one', {
      authentication_id: authenticationId,
      outcome,
    });
  }
}

export class EndpointNotFoundError extends DomainError {
  readonly code = 'ENDPOINT_NOT_FOUND';

  constructor(endpointId: string) {
    super('No such webhook endpoint', { endpoint_id: endpointId });
  }
}

/** A team endpoint must be https and reach a public address (no SSRF into our network). */
export class EndpointUrlNotAllowedError extends DomainError {
  readonly code = 'ENDPOINT_URL_NOT_ALLOWED';

  constructor(reason: string) {
    super(`This endpoint URL is not allowed: ${reason}`, { reason });
  }
}

/** Each event fans out to every endpoint of a team: their number is bounded. */
export class EndpointLimitReachedError extends DomainError {
  readonly code = 'ENDPOINT_LIMIT_REACHED';

  constructor(limit: number) {
    super(`A team may register at most ${limit} endpoints; remove one first`, { limit });
  }
}

export class EventNotFoundError extends DomainError {
  readonly code = 'EVENT_NOT_FOUND';

  constructor(eventId: string) {
    super('No such event', { event_id: eventId });
  }
}

/** Too many requests from one API key or one client address; `Retry-After` says when again. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';

  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests; retry later', { retry_after_seconds: retryAfterSeconds });
  }
}
