import type { CreateAuthenticationRequest } from '@app/api-client';
import type { CheckoutApi } from './simulator/checkout-api.js';

/** Untyped JSON from the wire (a Checkout session, an orchestrator body). */
export type Wire = Awaited<ReturnType<CheckoutApi['getSession']>>['body'];

/**
 * A POST /v1/authentications body for a card; override any field. Overrides are taken as given
 * (the channel data factories are untyped, and specs about refusals send what the document
 * forbids), so only the card body itself is checked against the document's type.
 */
export const aCreateBody = (
  number: string,
  overrides: Record<string, unknown> = {},
): CreateAuthenticationRequest => ({
  ...({
    source: { type: 'card', number, expiry_month: 12, expiry_year: 2030 },
    amount: 6540,
    currency: 'EUR',
    channel: 'browser',
    reference: 'ORDER-1001',
  } satisfies CreateAuthenticationRequest),
  ...(overrides as Partial<CreateAuthenticationRequest>),
});
