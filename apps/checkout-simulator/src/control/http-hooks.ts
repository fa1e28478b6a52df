import { FaultInjectingHttpHooks } from '@app/simulator-kit';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from '../http/request-id.js';

type AuthKind = 'bearer' | 'session_secret' | 'basic' | 'none' | 'other';

/** The kit's request log and scripted faults, in Checkout's words. */
@Injectable()
export class HttpHooks extends FaultInjectingHttpHooks {
  protected readonly truncatedAnswer = '{"id":"sid_';

  protected async answerWithStatus(
    status: number,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    await reply
      .status(status)
      .header('cko-request-id', requestIdOf(request))
      .send({ request_id: requestIdOf(request), ...errorFor(status) });
  }

  protected describeCaller(request: FastifyRequest) {
    return {
      sessionId: this.sessionOf(request),
      auth: authKindOf(request.headers.authorization),
      /** The caller's X-Request-Id, if it sent one (the orchestrator does, to join the logs). */
      callerRequestId: headerOf(request, 'x-request-id'),
    };
  }

  protected override sessionOf(request: FastifyRequest): string | undefined {
    const id = (request.params as Record<string, string> | undefined)?.id;
    return typeof id === 'string' ? id : undefined;
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function authKindOf(authorization: string | undefined): AuthKind {
  if (!authorization) return 'none';
  if (/^Bearer\s/i.test(authorization)) return 'bearer';
  if (/^Basic\s/i.test(authorization)) return 'basic';
  if (authorization.startsWith('sek_')) return 'session_secret';
  return 'other';
}

/** Checkout's Sessions vocabulary has no rate-limit type; 429 reuses `service_not_available`. */
function errorFor(status: number): { error_type: string; error_codes: string[] } {
  if (status === 429)
    return { error_type: 'service_not_available', error_codes: ['rate_limit_exceeded'] };
  if (status === 503)
    return { error_type: 'service_not_available', error_codes: ['service_unavailable'] };
  return { error_type: 'internal_server_error', error_codes: ['unknown_error'] };
}
