import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SecurityConfig } from '../config/security.config.js';
import { SecretBox } from './secret-box.js';

const CRYPTOGRAM_KEY = randomBytes(32);
const FINGERPRINT_KEY = 'fingerprint-key-ü';
const box = new SecretBox({
  cryptogramKey: CRYPTOGRAM_KEY,
  cardFingerprintKey: FINGERPRINT_KEY,
} as unknown as SecurityConfig);

/** A cryptogram sealed as rows written before kept it: the raw key handed to each cipher. */
function sealedBefore(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', CRYPTOGRAM_KEY, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

describe('SecretBox', () => {
  it('fingerprints a card as HMAC-SHA256 of the PAN under the configured key, as kept rows were', () => {
    const pan = '4485040371536584';
    expect(box.cardFingerprint(pan)).toBe(
      createHmac('sha256', FINGERPRINT_KEY).update(pan).digest('hex'),
    );
    expect(box.cardFingerprint('4485040371536585')).not.toBe(box.cardFingerprint(pan));
  });

  it('opens what it seals, and what was sealed before with the same key', () => {
    const cryptogram = 'AAABBJkZUQAAAABjRWWZEEFgFz+=';
    const sealed = box.encrypt(cryptogram);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(cryptogram);
    expect(box.decrypt(sealed)).toBe(cryptogram);
    expect(box.decrypt(sealedBefore(cryptogram))).toBe(cryptogram);
  });

  it('refuses a ciphertext changed in transit or at rest', () => {
    const [version, iv, tag, ciphertext] = box.encrypt('cryptogram').split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      box.decrypt([version, iv, tag, flipped.toString('base64url')].join('.')),
    ).toThrow();
  });
});
