import { DomainError, IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '@app/domain';
import { IdempotencyKeyRepository } from '@app/persistence';
import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { firstValueFrom, from, type Observable } from 'rxjs';
import { CreateReplay } from '../authentications/create-replay.service.js';
import {
  IdempotencyKeyTaken,
  sealAnswer,
  unsealAnswer,
  type IdempotentCreate,
} from '../authentications/idempotent-create.js';
import { SecretBox } from '../security/secret-box.js';
import type { TeamRequest } from './api-key.guard.js';
import { domainErrorResponse } from './domain-error.filter.js';
import { httpExceptionResponse } from './http-exception.filter.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * What is stored of an Idempotency-Key: its SHA-256, hex. A key is whatever the caller wrote (an
 * order id, a timestamp, at worst a card number), so it is never kept, logged or screened in
 * clear (docs/design.md#idempotency); the migration that hashed earlier keys computes the same.
 */
export const idempotencyKeyHash = (key: string): string =>
  createHash('sha256').update(key, 'utf8').digest('hex');

/** A stored response going out again; the exception filter sends its body unchanged. */
class ReplayedResponse extends HttpException {}

/** The request's key, for the handler to claim with the row it creates. */
export type IdempotentRequest = RawBodyRequest<TeamRequest> & { idempotencyKey?: IdempotentCreate };

/**
 * `Idempotency-Key` on a POST (IETF httpapi idempotency draft, Stripe's semantics): the same key
 * and body get the first response again; the same key with another body gets 422; a duplicate
 * that arrives while the first still runs gets 409. Keys are per team, kept as their hash. A key whose first request
 * never stored an answer (a crash, an unknown Checkout outcome) is answered from the
 * authentication it created (CreateReplay). The key is claimed by the statement that inserts the
 * authentication, and its answer kept by the move that settles it: no writes of its own on the
 * way, except for answers that move nothing (errors).
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
      throw new BadRequestException(
        'An Idempotency-Key header (1–255 visible ASCII characters) is required',
      );
    }
    const team = request.team!;
    const keyHash = idempotencyKeyHash(key);
    const requestHash = createHash('sha256')
      .update(request.rawBody ?? Buffer.alloc(0))
      .digest('hex');
    const progress: IdempotentCreate = {
      teamId: team,
      keyHash,
      requestHash,
      claimed: false,
      answered: false,
    };
    request.idempotencyKey = progress;
    try {
      const body = (await firstValueFrom(next.handle())) as object;
      if (!progress.answered) {
        const status = this.reflector.get<number | undefined>(
          HTTP_CODE_METADATA,
          context.getHandler(),
        );
        const sealed = sealAnswer(body, this.secrets);
        await this.keys.complete(team, keyHash, status ?? HttpStatus.CREATED, sealed);
      }
      return body;
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken) return this.answerTaken(progress, reply);
      if (progress.claimed) await this.remember(team, keyHash, error);
      throw error;
    }
  }

  /** Another request holds the key: its answer, or why there is none yet. */
  private async answerTaken(progress: IdempotentCreate, reply: FastifyReply): Promise<never> {
    const existing = await this.keys.find(progress.teamId, progress.keyHash);
    // Released between the insert and this read: the earlier request failed, retry.
    if (!existing) throw new IdempotencyKeyInUseError();
    if (existing.requestHash !== progress.requestHash) throw new IdempotencyKeyReusedError();
    const answer = await this.replay.answerFor(existing);
    if (answer === 'in_progress') throw new IdempotencyKeyInUseError();
    void reply.header('idempotent-replayed', 'true');
    throw new ReplayedResponse(unsealAnswer(answer.body, this.secrets), answer.status);
  }

  /**
   * Deterministic answers are kept for replay. A known failure before Checkout took anything on
   * (502, 503: the authentication was closed) frees the key for a clean retry. An unexpected
   * error frees it only if no authentication was created yet: after the insert, Checkout may
   * hold a session, so the key stays with that authentication and a retry resumes it.
   */
  private async remember(team: string, keyHash: string, error: unknown): Promise<void> {
    const response =
      error instanceof DomainError
        ? domainErrorResponse(error)
        : error instanceof HttpException
          ? httpExceptionResponse(error)
          : undefined;
    // 504: Checkout may have created the session; a retry must not start a second one.
    if (response && (response.status < 500 || response.status === 504)) {
      await this.keys.complete(team, keyHash, response.status, response.body);
    } else {
      await this.keys.release(team, keyHash, { evenIfLinked: response !== undefined });
    }
  }
}
