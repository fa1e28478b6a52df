import type { RawBodyRequest } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { TeamRequest } from '../../http/api-key.guard.js';

export const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * What is stored of an Idempotency-Key: its SHA-256, hex. A key is whatever the caller wrote (an
 * order id, a timestamp, at worst a card number), so it is never kept, logged or screened in
 * clear (docs/design.md#idempotency); the migration that hashed earlier keys computes the same.
 */
export const idempotencyKeyHash = (key: string): string =>
  createHash('sha256').update(key, 'utf8').digest('hex');

/** The request's Idempotency-Key, as the interceptor read it: what the create claims. */
export interface IdempotencyClaim {
  readonly teamId: string;
  readonly keyHash: string;
  /** SHA-256 of the raw body (and the id of a step-up's original): another body is refused. */
  readonly requestHash: string;
}

/** A request under the interceptor: the handler reads its claim here. */
export type IdempotentRequest = RawBodyRequest<TeamRequest> & {
  idempotencyClaim?: IdempotencyClaim;
};

/**
 * What a handler under the idempotency interceptor answers, as a value (never by mutating the
 * claim, never by a thrown signal):
 * - `key_taken`: another request holds the key; the interceptor answers from its record;
 * - `answered`: the body, already kept as the key's answer by the move that settled the request;
 * - `to_keep`: the body, for the interceptor to keep as the key's answer;
 * - `failed`: the key was claimed, then the request failed: the interceptor keeps or frees the
 *   key as the error says, and answers with the error.
 * An error the handler throws happened before the key was claimed: nothing is kept.
 */
export type KeyedAnswer =
  | { readonly type: 'key_taken' }
  | { readonly type: 'answered'; readonly body: object }
  | { readonly type: 'to_keep'; readonly body: object }
  | { readonly type: 'failed'; readonly error: unknown };
