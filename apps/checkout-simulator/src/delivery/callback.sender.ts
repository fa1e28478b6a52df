import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatedSession } from '../sessions/simulated-session.js';
import { DeliveryFaults } from './delivery-faults.js';
import { postJson } from './post-json.js';

/**
 * The POST to `callback_url` that `complete` triggers. Its body follows the documented example
 * (docs/checkout-sessions.md#callbacks): `session_id` and `response_reason`, unlike the GET body.
 */
@Injectable()
export class CallbackSender {
  private readonly logger = new Logger(CallbackSender.name);
  private sentCount = 0;

  constructor(private readonly faults: DeliveryFaults) {}

  get callbacksSent(): number {
    return this.sentCount;
  }

  /** True when the merchant endpoint answered 2xx (or a scripted drop pretended it did). */
  async send(session: SimulatedSession, url: string): Promise<boolean> {
    const body = JSON.stringify(callbackBody(session));
    const fault = this.faults.take('callback', session.id);
    if (fault?.mode === 'drop') return true;
    if (fault?.mode === 'delay') await sleep(fault.delayMs);
    const delivered = await this.post(url, body);
    if (fault?.mode === 'duplicate') await this.post(url, body);
    return delivered;
  }

  reset(): void {
    this.sentCount = 0;
  }

  private async post(url: string, body: string): Promise<boolean> {
    this.sentCount++;
    const status = await postJson(url, body, {});
    if (status === undefined || status < 200 || status > 299) {
      this.logger.warn(`callback to ${new URL(url).origin} failed (${status ?? 'no answer'})`);
      return false;
    }
    return true;
  }
}

export function callbackBody(session: SimulatedSession): Record<string, unknown> {
  const request = session.request;
  return {
    session_id: session.id,
    amount: request.amount ?? 0,
    currency: request.currency,
    status: session.status,
    authentication_type: request.authentication_type ?? 'regular',
    authentication_category: request.authentication_category ?? 'payment',
    reference: request.reference,
    approved: session.status === 'approved',
    protocol_version: session.protocolVersion,
    response_code: session.responseCode,
    response_reason: session.responseStatusReason,
    cryptogram: session.cryptogram,
    eci: session.eci,
    xid: session.xid,
    challenged: session.challenged,
  };
}
