import { Inject, Injectable } from '@nestjs/common';
import { nanoid } from 'nanoid';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The few cryptographic operations on card-adjacent data: cryptograms encrypted at rest
 * (AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>`), keyed PAN fingerprints, callback tokens.
 */
@Injectable()
export class SecretBox {
  /** Made once: given raw bytes, each cipher and HMAC would build its own key object. */
  private readonly cryptogramKey: KeyObject;
  private readonly cardFingerprintKey: KeyObject;

  constructor(@Inject(securityConfig.KEY) config: SecurityConfig) {
    this.cryptogramKey = createSecretKey(config.cryptogramKey);
    this.cardFingerprintKey = createSecretKey(Buffer.from(config.cardFingerprintKey, 'utf8'));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.cryptogramKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined)
      throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.cryptogramKey,
      Buffer.from(iv, 'base64url'),
      {
        authTagLength: TAG_BYTES,
      },
    );
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Same card → same value, without the PAN being recoverable (HMAC-SHA256 under a server key). */
  cardFingerprint(pan: string): string {
    return createHmac('sha256', this.cardFingerprintKey).update(pan).digest('hex');
  }

  /** An unguessable URL token and the hash we keep of it. */
  newUrlToken(): { token: string; hash: string } {
    // 43 characters of base64url's alphabet (258 random bits), from nanoid's pool of random bytes.
    const token = nanoid(43);
    return { token, hash: sha256(token) };
  }

  /** What a URL token is stored as: a lookup by it compares no secret, so leaks nothing by timing. */
  urlTokenHash(token: string): string {
    return sha256(token);
  }

  urlTokenMatches(token: string, hash: string): boolean {
    const given = Buffer.from(sha256(token), 'hex');
    const expected = Buffer.from(hash, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
