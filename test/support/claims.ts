import type { Orchestration } from './orchestration.js';
import { aCreateBody } from './result-expectations.js';
import { aBrowserChannel } from './simulator/factories.js';

export const FRICTIONLESS_Y = '5588686116426417';
export const FRICTIONLESS_N = '4539628347117863';
/** The authenticated amount of aCreateBody. */
export const AUTHENTICATED = 6540;

/** An authentication with its result at once (channel data sent with the create). */
export async function authenticatedOn(
  ctx: Orchestration,
  card = FRICTIONLESS_Y,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await ctx.client
    .create(aCreateBody(card, { channel_data: aBrowserChannel(), ...overrides }))
    .expect(201);
  expect(created.body.state).toBe('result_ready');
  return created.body.id as string;
}

/** A claim request body (docs/claims.md#claim) for the authenticated amount in EUR. */
export const aClaim = (paymentReference: string, overrides: Record<string, unknown> = {}) => ({
  payment_reference: paymentReference,
  psp: 'stripe' as const,
  amount: AUTHENTICATED,
  currency: 'EUR',
  ...overrides,
});
