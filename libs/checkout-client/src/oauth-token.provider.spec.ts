import { Clock } from '@app/common';
import { UpstreamRejectedRequestError } from '@app/domain';
import type { HttpService } from '@nestjs/axios';
import { ConsoleLogger, Logger } from '@nestjs/common';
import type { AxiosRequestConfig } from 'axios';
import type { CheckoutClientOptions } from './checkout-client.options.js';
import { OAuthTokenProvider } from './oauth-token.provider.js';

class FakeClock extends Clock {
  constructor(public time = 1_000_000) {
    super();
  }
  now(): number {
    return this.time;
  }
}

/** A token endpoint stand-in: counts requests, answers when the test releases them. */
class FakeTokenEndpoint {
  requests: AxiosRequestConfig[] = [];
  private pending: Array<(status: number, body: object) => void> = [];
  nextTokenNumber = 1;

  readonly http = {
    axiosRef: {
      request: (config: AxiosRequestConfig) =>
        new Promise((resolve) => {
          this.requests.push(config);
          this.pending.push((status, data) => resolve({ status, data, headers: {} }));
        }),
    },
  } as unknown as HttpService;

  grantAll(expiresIn = 3600): void {
    for (const answer of this.pending.splice(0)) {
      answer(200, {
        access_token: `token-${this.nextTokenNumber++}`,
        token_type: 'Bearer',
        expires_in: expiresIn,
      });
    }
  }

  refuseAll(error: string): void {
    for (const answer of this.pending.splice(0)) answer(400, { error });
  }
}

const options: CheckoutClientOptions = {
  apiUrl: 'https://api.checkout.test',
  tokenUrl: 'https://access.checkout.test/connect/token',
  clientId: 'ack_test',
  clientSecret: 'secret',
  scopes: ['sessions:browser', 'sessions:app'],
  timeouts: { tokenMs: 1_000, readMs: 1_000, writeMs: 1_000, authenticationMs: 1_000 },
  tokenRefreshMarginMs: 60_000,
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OAuthTokenProvider', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  let clock: FakeClock;
  let endpoint: FakeTokenEndpoint;
  let sut: OAuthTokenProvider;

  beforeEach(() => {
    clock = new FakeClock();
    endpoint = new FakeTokenEndpoint();
    sut = new OAuthTokenProvider(endpoint.http, clock, options);
  });

  it('makes one token request for 200 concurrent callers (single flight)', async () => {
    const callers = Array.from({ length: 200 }, () => sut.accessToken());
    await settle();
    endpoint.grantAll();
    await expect(Promise.all(callers)).resolves.toEqual(Array(200).fill('token-1'));
    expect(endpoint.requests).toHaveLength(1);
  });

  it('sends client credentials and the scopes as a form', async () => {
    const token = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await token;
    const form = new URLSearchParams(endpoint.requests[0].data as string);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'ack_test',
      client_secret: 'secret',
      scope: 'sessions:app sessions:browser',
    });
  });

  it('reuses the token until the refresh margin before expiry, then fetches a new one', async () => {
    const first = sut.accessToken();
    await settle();
    endpoint.grantAll(3600);
    await expect(first).resolves.toBe('token-1');

    clock.time += 3600_000 - 60_001;
    await expect(sut.accessToken()).resolves.toBe('token-1');
    expect(endpoint.requests).toHaveLength(1);

    clock.time += 1;
    const refreshed = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await expect(refreshed).resolves.toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('refreshes a short-lived token at half its lifetime', async () => {
    const first = sut.accessToken();
    await settle();
    endpoint.grantAll(10);
    await first;
    clock.time += 4_999;
    await expect(sut.accessToken()).resolves.toBe('token-1');
    clock.time += 1;
    const next = sut.accessToken();
    await settle();
    endpoint.grantAll(10);
    await expect(next).resolves.toBe('token-2');
  });

  it('forgets a token Checkout refused, but not a newer one', async () => {
    const first = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await first;
    sut.invalidate('token-1');
    const second = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await expect(second).resolves.toBe('token-2');
    sut.invalidate('token-1');
    await expect(sut.accessToken()).resolves.toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('fails every waiting caller on invalid_client, then tries again on the next call', async () => {
    const callers = [sut.accessToken(), sut.accessToken()];
    await settle();
    endpoint.refuseAll('invalid_client');
    for (const caller of callers) {
      await expect(caller).rejects.toBeInstanceOf(UpstreamRejectedRequestError);
    }
    const retry = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await expect(retry).resolves.toBe('token-1');
  });

  it('tells the observer about each token request and exchange, once per single flight', async () => {
    const reported: string[] = [];
    const observer = {
      tokenRequested: (result: string) => reported.push(`token ${result}`),
      exchangeFinished: (call: { operation: string; status?: number }) =>
        reported.push(`${call.operation} ${call.status}`),
    };
    sut = new OAuthTokenProvider(endpoint.http, clock, { ...options, observer });
    const refused = [sut.accessToken(), sut.accessToken()];
    await settle();
    endpoint.refuseAll('invalid_client');
    await Promise.allSettled(refused);
    const granted = sut.accessToken();
    await settle();
    endpoint.grantAll();
    await granted;
    expect(reported).toEqual([
      'token request 400',
      'token failure',
      'token request 200',
      'token success',
    ]);
  });
});
