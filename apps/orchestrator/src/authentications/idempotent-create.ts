import type { CreatingKey } from '@app/persistence';
import type { SecretBox } from '../security/secret-box.js';

/**
 * A create's Idempotency-Key, and how far the request got with it: the interceptor reads it
 * after the handler to know what is left for it to store.
 */
export interface IdempotentCreate extends CreatingKey {
  /** The insert claimed the key (false: the request ended before anything was recorded). */
  claimed: boolean;
  /** The move that settled the request stored its answer with it. */
  answered: boolean;
}

/** The key was taken by an earlier or concurrent request: the interceptor answers from it. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('Idempotency-Key already taken');
  }
}

type SessionSecret = { checkout_session_secret?: unknown };

/** The app channel's Checkout session secret is stored only encrypted (never in clear at rest). */
export function sealAnswer(body: object, secrets: SecretBox): object {
  const secret = (body as SessionSecret).checkout_session_secret;
  return typeof secret === 'string'
    ? { ...body, checkout_session_secret: { sealed: secrets.encrypt(secret) } }
    : body;
}

export function unsealAnswer(body: object, secrets: SecretBox): object {
  const secret = (body as { checkout_session_secret?: { sealed?: unknown } })
    .checkout_session_secret;
  return typeof secret?.sealed === 'string'
    ? { ...body, checkout_session_secret: secrets.decrypt(secret.sealed) }
    : body;
}
