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
