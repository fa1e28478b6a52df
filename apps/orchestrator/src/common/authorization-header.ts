import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A fixed Authorization header a provider sends with its webhooks (Checkout's webhook action,
 * Adyen's Basic auth), compared in constant time: both sides are hashed first, so neither the
 * length nor the first differing byte shows in the time taken.
 */
export function authorizationMatches(presented: string | undefined, expected: string): boolean {
  const a = createHmac('sha256', 'authorization')
    .update(presented ?? '')
    .digest();
  const b = createHmac('sha256', 'authorization').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** HTTP Basic credentials (RFC 7617) as the header carries them. */
export const basicAuthorization = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
