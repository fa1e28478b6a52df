import { isTransStatus } from '@app/domain';
import type { ChallengeAnswer } from '../flow/signals.js';

/** Base64url-encoded JSON is all an issuer page posts here (EMV 3DS); anything larger is not. */
const MAX_ENCODED_LENGTH = 16 * 1024;

function decodeJson(encoded: unknown): Record<string, unknown> | undefined {
  if (typeof encoded !== 'string' || encoded.length > MAX_ENCODED_LENGTH) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `threeDSServerTransID` of the 3DS Method's `threeDSMethodData` (EMV 3DS 2.x, 3DS Method). */
export function methodTransactionId(threeDsMethodData: unknown): string | undefined {
  const id = decodeJson(threeDsMethodData)?.threeDSServerTransID;
  return typeof id === 'string' ? id : undefined;
}

/**
 * What a post to the challenge notification URL says, read as the ACS writes it: an EMV CRes
 * with its transaction ids, or for 3DS1 a PaRes with the `MD` the ACS was given. The flow
 * matches it to the authentication.
 */
export function challengeAnswerOf(form: Record<string, unknown>): ChallengeAnswer {
  if (typeof form.cres === 'string') {
    const cres = decodeJson(form.cres);
    return cres?.messageType === 'CRes'
      ? {
          kind: 'cres',
          serverTransactionId: cres.threeDSServerTransID,
          acsTransactionId: cres.acsTransID,
          ...(isTransStatus(cres.transStatus) ? { transStatus: cres.transStatus } : {}),
        }
      : { kind: 'none' };
  }
  const paresPosted =
    typeof form.PaRes === 'string' &&
    form.PaRes.length > 0 &&
    form.PaRes.length <= MAX_ENCODED_LENGTH * 2;
  return paresPosted ? { kind: 'pares', merchantData: form.MD } : { kind: 'none' };
}
