import { plausibleSdkData } from './sdk-data.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'ECDH-ES', enc: 'A128CBC-HS256' })).toString(
  'base64url',
);
const KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
};
const sdkData = (overrides: Record<string, unknown> = {}) => ({
  sdk_encrypted_data: `${HEADER}..aXY.Y2lwaGVy.dGFn`,
  sdk_ephem_pub_key: KEY,
  ...overrides,
});

describe('plausibleSdkData', () => {
  it('accepts a compact JWE (empty encrypted key, as with ECDH-ES) and a P-256 JWK', () => {
    expect(plausibleSdkData(sdkData())).toBe(true);
    expect(
      plausibleSdkData(sdkData({ sdk_encrypted_data: `${HEADER}.a2V5.aXY.Y2lwaGVy.dGFn` })),
    ).toBe(true);
  });

  it.each([
    ['"{}", as the sandbox tests send', '{}'],
    ['four parts', `${HEADER}.aXY.Y2lwaGVy.dGFn`],
    ['a part that is not base64url', `${HEADER}..aXY.Y2lw+aGVy.dGFn`],
    ['an empty ciphertext', `${HEADER}..aXY..dGFn`],
    ['a header that is not JSON', 'bm90LWpzb24..aXY.Y2lwaGVy.dGFn'],
    [
      'a header without enc',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}..aXY.Y2lwaGVy.dGFn`,
    ],
  ])('refuses sdk_encrypted_data with %s', (_, encrypted) => {
    expect(plausibleSdkData(sdkData({ sdk_encrypted_data: encrypted }))).toBe(false);
  });

  it.each([
    ['another key type', { ...KEY, kty: 'RSA' }],
    ['another curve', { ...KEY, crv: 'P-384' }],
    ['a short coordinate', { ...KEY, x: 'x' }],
    ['no key at all', undefined],
  ])('refuses an ephemeral key with %s', (_, key) => {
    expect(plausibleSdkData(sdkData({ sdk_ephem_pub_key: key }))).toBe(false);
  });
});
