import { Inject, Injectable } from '@nestjs/common';
import axios, { AxiosError } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import { Webhook } from 'standardwebhooks';
import { eventsConfig, type EventsConfig } from '../config/events.config.js';
import { HostResolver } from './host-resolver.js';
import { BlockedAddressError, publicOnlyAgents } from './public-only-agents.js';

export interface SendResult {
  readonly status: number | null;
  /** A short code when no HTTP answer came: `timeout`, `ECONNREFUSED`, `blocked_address`… */
  readonly error: string | null;
  readonly durationMs: number;
}

/**
 * POSTs one event the Standard Webhooks way: `webhook-id` (the event id, the same on every
 * retry), `webhook-timestamp` (this attempt) and `webhook-signature` (`v1,` base64
 * HMAC-SHA256 of `id.timestamp.body`). No redirects are followed; private addresses are refused
 * at connect time unless development allows them.
 */
@Injectable()
export class EventSender {
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(
    @Inject(eventsConfig.KEY) private readonly config: EventsConfig,
    resolver: HostResolver,
  ) {
    const agents = config.teamDelivery.allowPrivateTargets
      ? { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }
      : publicOnlyAgents(resolver);
    this.httpAgent = agents.http;
    this.httpsAgent = agents.https;
  }

  async send(url: string, secret: string, eventId: string, body: string): Promise<SendResult> {
    const now = new Date();
    const started = performance.now();
    try {
      const response = await axios.post(url, body, {
        headers: {
          'content-type': 'application/json',
          'user-agent': '3ds-orchestrator-events/1',
          'webhook-id': eventId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(eventId, now, body),
        },
        // One deadline for the whole attempt (axios' own timeout stops at the headers), and
        // the body is never read: a slow or chatty endpoint cannot hold a worker.
        signal: AbortSignal.timeout(this.config.teamDelivery.timeoutMs),
        responseType: 'stream',
        maxRedirects: 0,
        validateStatus: () => true,
        // An HTTPS_PROXY in the environment must not route around the address check.
        proxy: false,
        httpAgent: this.httpAgent,
        httpsAgent: this.httpsAgent,
      });
      (response.data as Readable).destroy();
      return { status: response.status, error: null, durationMs: elapsed(started) };
    } catch (error) {
      return { status: null, error: errorCode(error), durationMs: elapsed(started) };
    }
  }
}

const elapsed = (started: number): number => Math.round(performance.now() - started);

function errorCode(error: unknown): string {
  if (error instanceof AxiosError) {
    if (error.code === 'ERR_CANCELED' || error.code === 'ETIMEDOUT') return 'timeout';
    if (error.cause instanceof BlockedAddressError) return 'blocked_address';
    return error.code ?? 'network_error';
  }
  return 'network_error';
}
