import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, Observable, tap, throwError } from 'rxjs';
import { AdyenError } from './adyen-error.js';

const MAX_KEY_LENGTH = 64;

interface Remembered {
  readonly bodyHash: string;
  /** Undefined while the first request with the key is still being processed. */
  outcome?: { readonly body: unknown } | { readonly error: AdyenError };
}

/** What the interceptor remembers, a provider of its own so that the control API can reset it. */
@Injectable()
export class IdempotencyStore {
  readonly remembered = new Map<string, Remembered>();
  replays = 0;

  reset(): void {
    this.remembered.clear();
    this.replays = 0;
  }
}

/**
 * `Idempotency-Key` (docs/adyen-authentication.md#idempotency): the same key with the same body
 * answers the first attempt's answer (errors included) and echoes the header; the key reused
 * with another body, or while its first request runs, gets 422 `704` (docs/adyen-simulator.md#idempotency).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return next.handle();
    void context.switchToHttp().getResponse<FastifyReply>().header('idempotency-key', key);
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      return throwError(() =>
        AdyenError.validation('702', `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`),
      );
    }
    const scope = `${request.method} ${request.routeOptions.url ?? request.url}|${key}`;
    const bodyHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const earlier = this.store.remembered.get(scope);
    if (earlier) return this.replay(earlier, bodyHash);
    const entry: Remembered = { bodyHash };
    this.store.remembered.set(scope, entry);
    return next.handle().pipe(
      tap((body: unknown) => (entry.outcome = { body })),
      catchError((error: unknown) => {
        if (error instanceof AdyenError) entry.outcome = { error };
        else this.store.remembered.delete(scope);
        return throwError(() => error);
      }),
    );
  }

  private replay(earlier: Remembered, bodyHash: string): Observable<unknown> {
    if (earlier.bodyHash !== bodyHash) {
      return throwError(() =>
        AdyenError.validation('704', 'Idempotency-Key already used with a different request'),
      );
    }
    const outcome = earlier.outcome;
    if (!outcome) {
      return throwError(() =>
        AdyenError.validation('704', 'request already processed or in progress'),
      );
    }
    this.store.replays++;
    if ('error' in outcome) return throwError(() => outcome.error);
    return from([outcome.body]);
  }
}
