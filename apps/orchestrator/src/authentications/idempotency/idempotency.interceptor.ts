import {
  DomainError,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  InvalidRequestError,
} from '@app/domain';
import { IdempotencyKeyRepository } from '@app/persistence';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { firstValueFrom, from, type Observable } from 'rxjs';
import { domainErrorResponse } from '../../http/domain-error.filter.js';
import { httpExceptionResponse } from '../../http/http-exception.filter.js';
import { SecretBox } from '../../security/secret-box.js';
import { CreateReplay } from './create-replay.service.js';
import {
  idempotencyKeyHash,
  KEY_PATTERN,
  type IdempotencyClaim,
  type IdempotentRequest,
  type KeyedAnswer,
} from './idempotency-key.js';
import { sealAnswer, unsealAnswer } from './sealed-answers.js';

/** A stored response going out again; the exception filter sends its body unchanged. */
class ReplayedResponse extends HttpException {}

/**
 * `Idempotency-Key` on a POST (IETF httpapi idempotency draft, Stripe's semantics): the same key
 * and body get the first response again; the same key with another body gets 422; a duplicate
 * that arrives while the first still runs gets 409. Keys are per team, kept as their hash. A key
 * whose first request never stored an answer (a crash, an unknown provider outcome) is answered
 * from the authentication it created (CreateReplay). The key is claimed by the statement that
 * inserts the authentication, and its answer kept by the move that settles it: no writes of its
 * own on the way, except for answers that move nothing (errors). The handler tells what is left
 * to do by the value it answers (KeyedAnswer).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyKeyRepository,
    private readonly reflector: Reflector,
    private readonly secrets: SecretBox,
    private readonly replay: CreateReplay,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.handle(context, next));
  }

  private async handle(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new InvalidRequestError(
        'Idempotency-Key',
        key === undefined ? 'is required' : 'must be 1–255 visible ASCII characters',
      );
    }
    const claim: IdempotencyClaim = {
      teamId: request.team!,
      keyHash: idempotencyKeyHash(key),
      requestHash: requestHashOf(request),
    };
    request.idempotencyClaim = claim;
    const answer = (await firstValueFrom(next.handle())) as KeyedAnswer;
    switch (answer.type) {
      case 'key_taken':
        return this.answerTaken(claim, reply);
      case 'answered':
        return answer.body;
      case 'to_keep':
        await this.keep(claim, context, answer.body);
        return answer.body;
      case 'failed':
        await this.remember(claim, answer.error);
        throw answer.error;
    }
  }

  /** The handler's answer becomes the key's, as it went out (an app's secret sealed). */
  private async keep(claim: IdempotencyClaim, context: ExecutionContext, body: object) {
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    try {
      const sealed = sealAnswer(body, this.secrets);
      await this.keys.complete(claim.teamId, claim.keyHash, status ?? HttpStatus.CREATED, sealed);
    } catch (error) {
      await this.remember(claim, error);
      throw error;
    }
  }

  /** Another request holds the key: its answer, or why there is none yet. */
  private async answerTaken(claim: IdempotencyClaim, reply: FastifyReply): Promise<never> {
    const existing = await this.keys.find(claim.teamId, claim.keyHash);
    // Released between the insert and this read: the earlier request failed, retry.
    if (!existing) throw new IdempotencyKeyInUseError();
    if (existing.requestHash !== claim.requestHash) throw new IdempotencyKeyReusedError();
    const answer = await this.replay.answerFor(existing);
    if (answer === 'in_progress') throw new IdempotencyKeyInUseError();
    void reply.header('idempotent-replayed', 'true');
    throw new ReplayedResponse(unsealAnswer(answer.body, this.secrets), answer.status);
  }

  /**
   * Deterministic answers are kept for replay. A known failure before the provider took anything
   * on (502, 503: the authentication was closed) frees the key for a clean retry. An unexpected
   * error frees it only if no authentication was created yet: after the insert, the provider may
   * hold a session, so the key stays with that authentication and a retry resumes it.
   */
  private async remember(claim: IdempotencyClaim, error: unknown): Promise<void> {
    const response =
      error instanceof DomainError
        ? domainErrorResponse(error)
        : error instanceof HttpException
          ? httpExceptionResponse(error)
          : undefined;
    // 504: the provider may have created the session; a retry must not start a second one.
    if (response && (response.status < 500 || response.status === 504)) {
      await this.keys.complete(claim.teamId, claim.keyHash, response.status, response.body);
    } else {
      await this.keys.release(claim.teamId, claim.keyHash, {
        evenIfLinked: response !== undefined,
      });
    }
  }
}

/**
 * SHA-256 of the raw body, after the authentication's id on a route of one (a step-up): the same
 * key and body for another authentication is another request. A create's hash is the body's
 * alone, as it was for the keys stored before.
 */
function requestHashOf(request: IdempotentRequest): string {
  const hash = createHash('sha256');
  const target = (request.params as { id?: unknown } | undefined)?.id;
  if (typeof target === 'string') hash.update(`${target}\n`);
  return hash.update(request.rawBody ?? Buffer.alloc(0)).digest('hex');
}
