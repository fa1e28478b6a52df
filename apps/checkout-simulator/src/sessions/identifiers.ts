import { randomBytes, randomUUID } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 26 lower-case base32 characters, as in Checkout ids (`sid_y3oqhf46pyzuxjbcn2giaqnb44`). */
function base32Id(): string {
  return [...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('');
}

export const newSessionId = (): string => `sid_${base32Id()}`;
export const newInstrumentId = (): string => `src_${base32Id()}`;
/** `sek_` + 44 base64 characters (32 random bytes). */
export const newSessionSecret = (): string => `sek_${randomBytes(32).toString('base64')}`;
export const newUuid = (): string => randomUUID();
/** CAVV/AAV: 20 bytes, 28 base64 characters (e.g. `AAABAVIREQAAAAAAAAAAAAAAAAA=`). */
export const newCryptogram = (): string => randomBytes(20).toString('base64');
/** A card fingerprint: the same card gives the same value (hex of a keyless digest is enough here). */
export const cardFingerprint = (digest: string): string => digest.slice(0, 64).toUpperCase();
