import { customAlphabet } from 'nanoid';

/** 26 characters of RFC 4648's lower-case base32, from a pool of random bytes (nanoid). */
const base32Id = customAlphabet('abcdefghijklmnopqrstuvwxyz234567', 26);

/**
 * `<prefix>_` + 26 base32 characters (130 random bits), like Checkout's ids. Never hex or
 * decimal: a long run of digits would look like a PAN to log scrubbers and to our leak tests.
 */
export function newId(prefix: 'auth' | 'msg' | 'ep' | 'clm'): string {
  return `${prefix}_${base32Id()}`;
}
