import type { FastifyReply } from 'fastify';
import type { SimulatedSession } from '../sessions/simulated-session.js';

/**
 * Where the hosted page sends the cardholder at the end: `success_url` for an authentication
 * (approved) or an attempt (attempted), `failure_url` for every other end
 * (docs/checkout-sessions.md#hosted-sessions).
 */
export function hostedExitUrl(session: SimulatedSession): string | undefined {
  const succeeded = session.status === 'approved' || session.status === 'attempted';
  return succeeded ? session.completion.success_url : session.completion.failure_url;
}

/** Sends the browser on with 303 See Other (a GET, whatever method brought it here). */
export function seeOther(reply: FastifyReply, url: string): string {
  void reply.status(303).header('location', url);
  return '';
}
