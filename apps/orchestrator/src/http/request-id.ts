import { findCardNumbers } from '@app/domain';
import { randomUUID } from 'node:crypto';

/** The shape of an incoming X-Request-Id we repeat back: a short token of safe characters. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id of a request: the caller's X-Request-Id when it has the safe shape and holds no card
 * number in any spelling (it is echoed and logged on every line, docs/design.md#security), else
 * one of ours.
 */
export function requestIdFor(given: unknown): string {
  return typeof given === 'string' &&
    SAFE_REQUEST_ID.test(given) &&
    findCardNumbers(given).length === 0
    ? given
    : randomUUID();
}

/**
 * Adds the request id to an error body (`{error: {…}}`) as it goes out, so a caller can quote
 * it; stored answers (idempotent replays) are kept without it and get the replay's own.
 */
export function withRequestId(body: object, request: { id: string }): object {
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null
    ? { ...body, error: { ...error, request_id: request.id } }
    : body;
}
