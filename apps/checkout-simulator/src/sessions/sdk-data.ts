type Json = Record<string, unknown>;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether app channel data could come from a real 3DS SDK: `sdk_encrypted_data` a compact JWE
 * (five base64url parts, a JSON header naming `enc`) and `sdk_ephem_pub_key` an EC P-256 JWK.
 * Checkout's sandbox answers dummy SDK data (`"{}"`) with `unavailable` and no ACS
 * (docs/checkout-sessions.md#app-channel); the DS cannot decrypt it.
 */
export function plausibleSdkData(data: Json): boolean {
  return compactJwe(data.sdk_encrypted_data) && p256Jwk(data.sdk_ephem_pub_key);
}

function compactJwe(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split('.');
  if (parts.length !== 5 || !parts.every((part) => BASE64URL.test(part))) return false;
  if (!parts[0] || !parts[2] || !parts[3] || !parts[4]) return false;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && 'enc' in header;
  } catch {
    return false;
  }
}

function p256Jwk(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const key = value as Json;
  return (
    key.kty === 'EC' &&
    key.crv === 'P-256' &&
    COORDINATE.test(String(key.x)) &&
    COORDINATE.test(String(key.y))
  );
}
