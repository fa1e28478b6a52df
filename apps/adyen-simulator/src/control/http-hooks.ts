import { FaultInjectingHttpHooks } from '@app/simulator-kit';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdyenError } from '../http/adyen-error.js';

type AuthKind = 'api_key' | 'basic' | 'none';

/** The kit's request log and scripted faults, in Adyen's words (faults are never per session). */
@Injectable()
export class HttpHooks extends FaultInjectingHttpHooks {
  protected readonly truncatedAnswer = '{"resultCode":"Auth';

  protected async answerWithStatus(
    status: number,
    _request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    await reply.status(status).send(AdyenError.internal(status).body());
  }

  protected describeCaller(request: FastifyRequest) {
    const idempotencyKey = request.headers['idempotency-key'];
    return {
      auth: authKindOf(request.headers),
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
    };
  }
}

function authKindOf(headers: Record<string, unknown>): AuthKind {
  if (typeof headers['x-api-key'] === 'string') return 'api_key';
  const authorization = headers.authorization;
  return typeof authorization === 'string' && /^Basic\s/i.test(authorization) ? 'basic' : 'none';
}
