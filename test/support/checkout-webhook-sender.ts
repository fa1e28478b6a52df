import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { WEBHOOK_SECRET } from './test-config.js';

/** Checkout's `Cko-Signature`: hex HMAC-SHA256 of the raw body. */
export const signWebhook = (body: string, secret = WEBHOOK_SECRET): string =>
  createHmac('sha256', secret).update(body).digest('hex');

export const anEventId = (): string => `evt_${randomBytes(13).toString('hex').replace(/\d/g, 'x')}`;

/** A Checkout `authentication_*` event as the workflow action sends it. */
export const aCheckoutEvent = (
  type: string,
  sessionId: string,
  overrides: { id?: string; reference?: string; createdOn?: Date } = {},
) => ({
  id: overrides.id ?? anEventId(),
  type,
  version: '2.1.0',
  created_on: (overrides.createdOn ?? new Date()).toISOString(),
  data: {
    session_id: sessionId,
    amount: '6540',
    currency: 'EUR',
    reference: overrides.reference ?? 'ORDER-1001',
  },
});

/** POSTs a body to the orchestrator's webhook receiver, signed unless told otherwise. */
export function postWebhook(app: App, body: string, headers?: Record<string, string>) {
  return request(app)
    .post('/webhooks/checkout')
    .set({
      'content-type': 'application/json',
      ...(headers ?? { 'cko-signature': signWebhook(body) }),
    })
    .send(body);
}
