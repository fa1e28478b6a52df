import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Adyen's 16-character reference (docs/adyen-authentication.md#result-fields). */
export function newPspReference(): string {
  return Array.from(randomBytes(16), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export const newTransactionId = (): string => randomUUID();

/** An opaque value the caller hands back (paymentData, authorisationToken). */
export const newOpaqueToken = (): string => randomBytes(24).toString('base64');

/** CAVV / AAV: 20 bytes, base64 (ThreeDSecureData.cavv in Adyen's OpenAPI document). */
export const newAuthenticationValue = (): string => randomBytes(20).toString('base64');
