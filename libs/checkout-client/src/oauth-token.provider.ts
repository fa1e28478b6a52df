import { Clock } from '@app/common';
import {
  UpstreamBusyError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { CheckoutClientOptions, requestIdHeader } from './checkout-client.options.js';
import { exchange, isBusyStatus } from './http-exchange.js';

interface CachedToken {
  readonly value: string;
  /** When to fetch a new one: expiry minus the refresh margin. */
  readonly refreshAt: number;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  error?: string;
}

/**
 * OAuth 2.0 client credentials against Checkout's token endpoint: one cached token per scope
 * set, refreshed before it expires, single-flight (concurrent callers share one request).
 * Tokens are never logged.
 */
@Injectable()
export class OAuthTokenProvider {
  private readonly logger = new Logger(OAuthTokenProvider.name);
  private readonly cache = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly http: HttpService,
    private readonly clock: Clock,
    private readonly options: CheckoutClientOptions,
  ) {}

  /** A valid access token for these scopes (the configured set by default). */
  async accessToken(scopes: readonly string[] = this.options.scopes): Promise<string> {
    const key = [...scopes].sort().join(' ');
    const cached = this.cache.get(key);
    if (cached && this.clock.now() < cached.refreshAt) {
      return cached.value;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.observedRequest(key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return (await pending).value;
  }

  /** Forget a token Checkout refused (401), unless a newer one already replaced it. */
  invalidate(token: string, scopes: readonly string[] = this.options.scopes): void {
    const key = [...scopes].sort().join(' ');
    if (this.cache.get(key)?.value === token) {
      this.cache.delete(key);
    }
  }

  /** One token request, reported to the observer however it ends. */
  private async observedRequest(scope: string): Promise<CachedToken> {
    try {
      const token = await this.requestToken(scope);
      this.options.observer?.tokenRequested('success');
      return token;
    } catch (error) {
      this.options.observer?.tokenRequested('failure');
      throw error;
    }
  }

  private async requestToken(scope: string): Promise<CachedToken> {
    const requestedAt = this.clock.now();
    const response = await exchange<TokenResponse>(this.http, 'token request', {
      method: 'POST',
      url: this.options.tokenUrl,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...requestIdHeader(this.options),
      },
      data: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.options.clientId,
        client_secret: this.options.clientSecret,
        scope,
      }).toString(),
      timeout: this.options.timeouts.tokenMs,
      observer: this.options.observer,
    }).catch((error: unknown) => {
      // A token request has no side effect at Checkout: whatever happened, nothing was sent yet.
      if (error instanceof UpstreamUnavailableError) {
        throw new UpstreamUnavailableError('token request', error.message, error.requestId, false);
      }
      throw error;
    });
    const body = response.body ?? {};
    if (isBusyStatus(response.status)) {
      throw new UpstreamBusyError(
        'token request',
        response.status,
        response.retryAfterSeconds,
        response.requestId,
      );
    }
    if (response.status >= 500) {
      throw new UpstreamUnavailableError(
        'token request',
        `HTTP ${response.status}`,
        response.requestId,
        false,
      );
    }
    if (response.status !== 200 || !body.access_token || !body.expires_in) {
      // RFC 6749 §5.2 error, e.g. invalid_client: a configuration problem, not retried here.
      throw new UpstreamRejectedRequestError(
        'token request',
        response.status,
        body.error ?? 'invalid_token_response',
        [],
      );
    }
    const lifetimeMs = body.expires_in * 1000;
    const margin = Math.min(this.options.tokenRefreshMarginMs, lifetimeMs / 2);
    this.logger.log({ msg: 'checkout access token acquired', scope, expires_in: body.expires_in });
    const token = { value: body.access_token, refreshAt: requestedAt + lifetimeMs - margin };
    this.cache.set(scope, token);
    return token;
  }
}
