import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const REQUEST_IDS = new WeakMap<object, string>();

/** The `Cko-Request-Id` of a request: one UUID per request, stable across hooks and filters. */
export function requestIdOf(request: FastifyRequest): string {
  let id = REQUEST_IDS.get(request.raw);
  if (!id) {
    id = randomUUID();
    REQUEST_IDS.set(request.raw, id);
  }
  return id;
}
