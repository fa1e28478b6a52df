import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checkout's `Cko-Signature`: hex HMAC-SHA256 of the raw body under the webhook key. Any of the
 * given keys may match (rotation: the new key and the old one, for as long as both are live).
 * Compared in constant time; the body is never re-serialised.
 */
export function checkoutSignatureMatches(
  rawBody: Buffer,
  signature: string | undefined,
  secrets: readonly string[],
): boolean {
  if (!signature || !HEX_SHA256.test(signature)) return false;
  const presented = Buffer.from(signature, 'hex');
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Every key is checked, so the time taken says nothing about which one matched.
    matched = timingSafeEqual(expected, presented) || matched;
  }
  return matched;
}
