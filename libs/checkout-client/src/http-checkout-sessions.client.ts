import {
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import type { Method } from 'axios';
import type { CheckoutOperation } from './checkout-call.observer.js';
import { CheckoutClientOptions, requestIdHeader } from './checkout-client.options.js';
import { CheckoutSessionsClient, type CreatedSession } from './checkout-sessions.client.js';
import type {
  CheckoutChannelData,
  CheckoutCreateSessionRequest,
  CheckoutErrorBody,
  CheckoutSession,
} from './checkout.wire.js';
import { exchange, isBusyStatus, type Exchange } from './http-exchange.js';
import { OAuthTokenProvider } from './oauth-token.provider.js';

interface Call {
  readonly operation: CheckoutOperation;
  readonly method: Method;
  readonly path: string;
  readonly body?: unknown;
  /** Safe to repeat (GET): retried once after a transport failure or a 5xx. */
  readonly safe: boolean;
  /** Which deadline applies (CheckoutClientOptions.timeouts). */
  readonly timeout: 'readMs' | 'writeMs' | 'authenticationMs';
}

const RETRY_BASE_DELAY_MS = 100;
/** A safe call is repeated inline only when Checkout asks for at most this long a pause. */
const INLINE_RETRY_AFTER_LIMIT_SECONDS = 1;

/** The Sessions client over HTTP (@nestjs/axios), with OAuth, deadlines and typed errors. */
@Injectable()
export class HttpCheckoutSessionsClient extends CheckoutSessionsClient {
  constructor(
    private readonly http: HttpService,
    private readonly tokens: OAuthTokenProvider,
    private readonly options: CheckoutClientOptions,
  ) {
    super();
  }

  async createSession(request: CheckoutCreateSessionRequest): Promise<CreatedSession> {
    const response = await this.call<CheckoutSession>({
      operation: 'create session',
      method: 'POST',
      path: '/sessions',
      body: request,
      safe: false,
      timeout: request.channel_data ? 'authenticationMs' : 'writeMs',
    });
    return { status: response.status === 201 ? 201 : 202, session: response.body };
  }

  async getSession(id: string): Promise<CheckoutSession> {
    const path = `/sessions/${encodeURIComponent(id)}`;
    return (
      await this.call<CheckoutSession>({
        operation: 'get session',
        method: 'GET',
        path,
        safe: true,
        timeout: 'readMs',
      })
    ).body;
  }

  async collectChannelData(id: string, data: CheckoutChannelData): Promise<CheckoutSession> {
    const path = `/sessions/${encodeURIComponent(id)}/collect-data`;
    return (
      await this.call<CheckoutSession>({
        operation: 'collect data',
        method: 'PUT',
        path,
        body: data,
        safe: false,
        timeout: 'authenticationMs',
      })
    ).body;
  }

  async reportIssuerFingerprint(id: string, completion: 'Y' | 'N' | 'U'): Promise<CheckoutSession> {
    const path = `/sessions/${encodeURIComponent(id)}/issuer-fingerprint`;
    const body = { three_ds_method_completion: completion };
    return (
      await this.call<CheckoutSession>({
        operation: 'issuer fingerprint',
        method: 'PUT',
        path,
        body,
        safe: false,
        timeout: 'authenticationMs',
      })
    ).body;
  }

  async completeSession(id: string): Promise<void> {
    const path = `/sessions/${encodeURIComponent(id)}/complete`;
    await this.call({
      operation: 'complete session',
      method: 'POST',
      path,
      safe: false,
      timeout: 'writeMs',
    });
  }

  private async call<T>(call: Call): Promise<Exchange<T>> {
    try {
      return await this.authorized<T>(call);
    } catch (error) {
      if (!call.safe || !isRetryableInline(error)) throw error;
      const retryAfterMs =
        error instanceof UpstreamBusyError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
      await delay(
        Math.max(retryAfterMs, RETRY_BASE_DELAY_MS + Math.random() * RETRY_BASE_DELAY_MS),
      );
      return this.authorized<T>(call);
    }
  }

  /** One request; on 401 the token is dropped and the request sent once more with a new one. */
  private async authorized<T>(call: Call): Promise<Exchange<T>> {
    const token = await this.tokens.accessToken();
    let response = await this.send<T>(call, token);
    if (response.status === 401) {
      this.tokens.invalidate(token);
      response = await this.send<T>(call, await this.tokens.accessToken());
    }
    if (isBusyStatus(response.status)) {
      throw new UpstreamBusyError(
        call.operation,
        response.status,
        response.retryAfterSeconds,
        response.requestId,
      );
    }
    if (response.status >= 500) {
      // Not a "not now" answer: a write may have been processed before it failed.
      throw new UpstreamUnavailableError(
        call.operation,
        `HTTP ${response.status}`,
        response.requestId,
        !call.safe,
      );
    }
    if (response.status >= 400) {
      const error = (response.body ?? {}) as CheckoutErrorBody;
      throw new UpstreamRejectedRequestError(
        call.operation,
        response.status,
        error.error_type ?? (response.status === 401 ? 'unauthorized' : 'unknown'),
        error.error_codes ?? [],
        response.requestId,
      );
    }
    return response;
  }

  private send<T>(call: Call, token: string): Promise<Exchange<T>> {
    return exchange<T>(this.http, call.operation, {
      method: call.method,
      url: `${this.options.apiUrl.replace(/\/$/, '')}${call.path}`,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...requestIdHeader(this.options),
        // `complete` has no body; a JSON content type with an empty body is refused by some servers.
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      data: call.body,
      timeout: this.options.timeouts[call.timeout],
      observer: this.options.observer,
    });
  }
}

/** Transport failures and 5xx, and a busy answer that asks for no more than a short pause. */
function isRetryableInline(error: unknown): boolean {
  if (error instanceof UpstreamBusyError) {
    return (error.retryAfterSeconds ?? 0) <= INLINE_RETRY_AFTER_LIMIT_SECONDS;
  }
  return error instanceof UpstreamUnavailableError;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
