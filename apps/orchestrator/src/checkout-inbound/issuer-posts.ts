import type { AuthenticationEntity } from '@app/persistence';

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
 * Whether a post to the challenge notification URL is what the ACS sends for this
 * authentication: an EMV CRes whose transaction ids are ours, or for 3DS1 a PaRes with the `MD`
 * we gave (the Checkout session id).
 */
export function challengeAnswerMatches(
  authentication: AuthenticationEntity,
  form: Record<string, unknown>,
): boolean {
  const result = authentication.result;
  if (typeof form.cres === 'string') {
    const cres = decodeJson(form.cres);
    return (
      cres?.messageType === 'CRes' &&
      !!result?.three_ds_server_transaction_id &&
      cres.threeDSServerTransID === result.three_ds_server_transaction_id &&
      (!result.acs_transaction_id || cres.acsTransID === result.acs_transaction_id)
    );
  }
  return (
    typeof form.PaRes === 'string' &&
    form.PaRes.length > 0 &&
    form.PaRes.length <= MAX_ENCODED_LENGTH * 2 &&
    !!authentication.providerSessionId &&
    form.MD === authentication.providerSessionId
  );
}
