import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { demoConfig, type DemoConfig } from './demo.config.js';
import { DEMO_CARDS, SAMPLE_APP_CHANNEL_DATA } from './demo-fixtures.js';
import type { DemoStartRequestDto } from './dto/demo.request.dto.js';

/** The orchestrator's answer, passed on to the page as it is (status and JSON body). */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

type Call = { method: 'GET' | 'POST'; url: string; body?: unknown; requestId: string };

/**
 * The demo's merchant backend: what a payment team's server does with its API key. It calls
 * this orchestrator's own API in-process (Fastify inject), through every hook, guard and pipe
 * a network call would meet.
 */
@Injectable()
export class DemoBackend {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(demoConfig.KEY) private readonly config: DemoConfig,
  ) {}

  start(request: DemoStartRequestDto, requestId: string): Promise<ApiAnswer> {
    const card = DEMO_CARDS[request.card];
    return this.call({
      method: 'POST',
      url: '/v1/authentications',
      requestId,
      body: {
        source: { type: 'card', number: card.number, expiry_month: 12, expiry_year: 2030 },
        amount: request.amount,
        currency: request.currency,
        channel: request.channel,
        reference: `DEMO-${randomUUID().slice(0, 8)}`,
        // A browser gets its channel data from the helper, after the 3DS Method; an app's
        // 3DS SDK has its data at once.
        ...(request.channel === 'app' ? { channel_data: SAMPLE_APP_CHANNEL_DATA } : {}),
      },
    });
  }

  get(id: string, requestId: string): Promise<ApiAnswer> {
    return this.call({ method: 'GET', url: `/v1/authentications/${id}`, requestId });
  }

  reportMethod(id: string, completion: string, requestId: string): Promise<ApiAnswer> {
    return this.call({
      method: 'POST',
      url: `/v1/authentications/${id}/issuer-fingerprint`,
      requestId,
      body: { completion },
    });
  }

  submitChannelData(id: string, channelData: object, requestId: string): Promise<ApiAnswer> {
    return this.call({
      method: 'POST',
      url: `/v1/authentications/${id}/channel-data`,
      requestId,
      body: { channel_data: channelData },
    });
  }

  events(id: string, requestId: string): Promise<ApiAnswer> {
    return this.call({ method: 'GET', url: `/v1/authentications/${id}/events`, requestId });
  }

  result(id: string, format: string, requestId: string): Promise<ApiAnswer> {
    const url = `/v1/authentications/${id}/result?format=${format}`;
    return this.call({ method: 'GET', url, requestId });
  }

  private async call({ method, url, body, requestId }: Call): Promise<ApiAnswer> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const response = await fastify.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${this.config.apiKey}`,
        'x-request-id': requestId,
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(url === '/v1/authentications' ? { 'idempotency-key': randomUUID() } : {}),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const answer: unknown = response.body ? response.json() : null;
    return { status: response.statusCode, body: hideSessionSecret(answer) };
  }
}

/** The app channel's session secret is for the phone's SDK; the demo shows that it exists. */
function hideSessionSecret(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('checkout_session_secret' in body)) {
    return body;
  }
  return { ...body, checkout_session_secret: 'sek_… (handed to the 3DS SDK; hidden here)' };
}
