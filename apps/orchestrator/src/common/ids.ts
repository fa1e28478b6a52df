import { randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * `<prefix>_` + 26 base32 characters (130 random bits), like Checkout's ids. Never hex or
 * decimal: a long run of digits would look like a PAN to log scrubbers and to our leak tests.
 */
export function newId(prefix: 'auth' | 'msg' | 'ep' | 'clm'): string {
  return `${prefix}_${[...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('')}`;
}
