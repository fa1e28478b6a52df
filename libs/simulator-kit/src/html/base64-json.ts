/** Decodes base64url or base64 JSON (Node reads both alphabets); undefined when it is not. */
export function decodeJson(encoded: unknown): Record<string, unknown> | undefined {
  if (typeof encoded !== 'string' || encoded.length === 0 || encoded.length > 20_000)
    return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export const encodeJson = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** Standard base64 JSON (Adyen's tokens and `threeDSResult` use it, not base64url). */
export const encodeBase64Json = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64');
