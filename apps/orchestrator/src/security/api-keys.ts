import { createHash, randomBytes } from 'node:crypto';
import type { NewApiKey } from '@app/persistence';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** `tds_` and four random characters: enough to tell keys apart, 140 bits left unknown. */
const PREFIX_LENGTH = 8;
/** A seeded key (API_KEYS) may be as short as 16 characters: show less of it. */
const SEEDED_PREFIX_LENGTH = 4;

const base32 = (bytes: Buffer): string => [...bytes].map((byte) => BASE32[byte % 32]).join('');

/** SHA-256 is enough for keys this random (no guessing, so no slow hash needed). */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new key (`tds_` + 32 base32 characters, 160 bits) and what is stored of it. */
export function newApiKey(
  teamId: string,
  description?: string,
): { key: string; record: NewApiKey } {
  const key = `tds_${base32(randomBytes(32)).slice(0, 32)}`;
  return { key, record: recordOf(teamId, key, description, PREFIX_LENGTH) };
}

/** What is stored of a key: its hash and its first characters, never the key. */
export function recordOf(
  teamId: string,
  key: string,
  description?: string,
  prefixLength = SEEDED_PREFIX_LENGTH,
): NewApiKey {
  return {
    id: `key_${base32(randomBytes(26))}`,
    teamId,
    prefix: key.slice(0, prefixLength),
    hash: hashApiKey(key),
    description: description ?? null,
  };
}
