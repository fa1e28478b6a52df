import type { HttpService } from '@nestjs/axios';
import { ConsoleLogger, Logger } from '@nestjs/common';
import type { AxiosRequestConfig } from 'axios';
import type { CheckoutClientOptions } from './checkout-client.options.js';
import type { CheckoutBrowserData, CheckoutCreateSessionRequest } from './checkout.wire.js';
import { HttpCheckoutSessionsClient } from './http-checkout-sessions.client.js';
import type { OAuthTokenProvider } from './oauth-token.provider.js';

const options: CheckoutClientOptions = {
  apiUrl: 'https://api.checkout.test',
  tokenUrl: 'https://access.checkout.test/connect/token',
  clientId: 'ack_test',
  clientSecret: 'secret',
  scopes: ['sessions:browser'],
  timeouts: { tokenMs: 1_000, readMs: 2_000, writeMs: 3_000, authenticationMs: 15_000 },
  tokenRefreshMarginMs: 60_000,
};

const SESSION = { id: 'sid_test', status: 'pending' };

/** Records each request and answers it at once, as Checkout would. */
function clientWithRecorder() {
  const requests: AxiosRequestConfig[] = [];
  const http = {
    axiosRef: {
      request: (config: AxiosRequestConfig) => {
        requests.push(config);
        const status = config.method === 'POST' && config.url?.endsWith('/sessions') ? 201 : 200;
        return Promise.resolve({ status, data: SESSION, headers: {} });
      },
    },
  } as unknown as HttpService;
  const tokens = {
    accessToken: () => Promise.resolve('token'),
    invalidate: () => undefined,
  } as unknown as OAuthTokenProvider;
  return { client: new HttpCheckoutSessionsClient(http, tokens, options), requests };
}

const CREATE: CheckoutCreateSessionRequest = {
  source: { type: 'card', number: '4485040371536584', expiry_month: 1, expiry_year: 2030 },
  currency: 'EUR',
  completion: { type: 'non_hosted' },
};

describe('HttpCheckoutSessionsClient deadlines', () => {
  beforeAll(() => Logger.overrideLogger(new ConsoleLogger({ logLevels: [] })));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('waits longer for the calls Checkout answers only after the issuer has', async () => {
    const { client, requests } = clientWithRecorder();
    const browser = { channel: 'browser' } as CheckoutBrowserData;
    await client.createSession({ ...CREATE, channel_data: browser });
    await client.collectChannelData('sid_test', browser);
    await client.reportIssuerFingerprint('sid_test', 'Y');
    expect(requests.map((request) => request.timeout)).toEqual([15_000, 15_000, 15_000]);
  });

  it('keeps the shorter deadlines for reads, a bare create and complete', async () => {
    const { client, requests } = clientWithRecorder();
    await client.getSession('sid_test');
    await client.createSession(CREATE);
    await client.completeSession('sid_test');
    expect(requests.map((request) => [request.method, request.timeout])).toEqual([
      ['GET', 2_000],
      ['POST', 3_000],
      ['POST', 3_000],
    ]);
  });
});
