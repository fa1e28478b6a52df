/**
 * Checkout's workflow webhooks for standalone sessions (`authentication_*`). Only the fields this
 * service reads are typed; the real `authentication_failed` payload sends `amount` as a string.
 */
export const CHECKOUT_WEBHOOK_TYPES = [
  'authentication_started',
  'authentication_approved',
  'authentication_attempted',
  'authentication_expired',
  'authentication_failed',
] as const;
export type CheckoutWebhookType = (typeof CHECKOUT_WEBHOOK_TYPES)[number];

export interface CheckoutWebhookEvent {
  /** `evt_…`: the same on every retry of one event. */
  readonly id: string;
  /** A CheckoutWebhookType, or whatever else Checkout sent (then ignored). */
  readonly type: string;
  readonly sessionId: string | null;
  readonly reference: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  /** When Checkout raised the event (`created_on`); the same on every retry of it. */
  readonly createdOn: Date | null;
}

const EVENT_ID = /^evt_[a-z0-9]{10,64}$/;
const SESSION_ID = /^sid_[a-z0-9]{10,64}$/;

export const isKnownWebhookType = (type: string): type is CheckoutWebhookType =>
  (CHECKOUT_WEBHOOK_TYPES as readonly string[]).includes(type);

/** The parts of a webhook body we use, or null when it is not a Checkout event at all. */
export function parseCheckoutWebhook(body: unknown): CheckoutWebhookEvent | null {
  if (typeof body !== 'object' || body === null) return null;
  const { id, type, data, created_on } = body as Record<string, unknown>;
  const createdOn = typeof created_on === 'string' ? new Date(created_on) : null;
  if (typeof id !== 'string' || !EVENT_ID.test(id) || typeof type !== 'string') return null;
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const sessionId = typeof fields.session_id === 'string' ? fields.session_id : null;
  const amount = Number(fields.amount);
  return {
    id,
    type: type.slice(0, 100),
    sessionId: sessionId && SESSION_ID.test(sessionId) ? sessionId : null,
    reference: typeof fields.reference === 'string' ? fields.reference : null,
    amount:
      fields.amount === undefined || fields.amount === null || !Number.isSafeInteger(amount)
        ? null
        : amount,
    currency: typeof fields.currency === 'string' ? fields.currency : null,
    createdOn: createdOn && !Number.isNaN(createdOn.getTime()) ? createdOn : null,
  };
}
