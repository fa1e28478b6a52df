import { generateKeyPairSync } from 'node:crypto';
import { newUuid } from './identifiers.js';
import { CARD_SCHEMES, type CardScheme } from './scenarios.js';

/** Directory server RIDs per scheme (`ds.ds_id`, the 3DS SDK's directoryServerID). */
const DS_ID: Record<CardScheme, string> = {
  visa: 'A000000003',
  mastercard: 'A000000004',
  amex: 'A000000025',
  jcb: 'A000000065',
  diners: 'A000000152',
  discover: 'A000000152',
  cartes_bancaires: 'A000000042',
  upi: 'A000000333',
};

/**
 * The simulated DS-CA root, a self-signed P-256 certificate (base64url DER X.509), as
 * `certificates.ca_public` carries it: what a 3DS SDK verifies the ACS signed content with.
 */
const DS_CA_ROOT =
  'MIIBnTCCAUOgAwIBAgIUfA_FRm6XJZ6br0GspZAhCT_1KR0wCgYIKoZIzj0EAwIwIzEhMB8GA1UEAwwYQ2hlY2tvdXQgU2ltdWxhdG9yIERTIENBMCAXDTI2MTIwNDE1NTg1MFoYDzIxMjYxMTEwMTU1ODUwWjAjMSEwHwYDVQQDDBhDaGVja291dCBTaW11bGF0b3IgRFMgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR0aOkQHN2PDvG7WI6ptazdWSCLeQzTb695PYgwaAdRpcgDYzeYqr-HridXas5I0aklbn8T4pOEySJHmq1bCNuYo1MwUTAdBgNVHQ4EFgQUpOCX2J58JAoiV2uXgWN-SxzERD8wHwYDVR0jBBgwFoAUpOCX2J58JAoiV2uXgWN-SxzERD8wDwYDVR0TAQH_BAUwAwEB_zAKBggqhkjOPQQDAgNIADBFAiBU6QRAUv9IStzKIg7Xp4pQqUtEq3i71BhirPOfNrf3ggIhALbfbpJqm4nSbNYy03f8Zei5iWkUUi4UKm_ssQrQeukw';

/** Public part of a fresh P-256 key, as the JWK Checkout hands out for the DS. */
function publicJwk(): Record<string, unknown> {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...publicKey.export({ format: 'jwk' }), use: 'enc', kid: '1' };
}

/** One DS encryption key per scheme for the simulator's lifetime (`certificates.ds_public`). */
const DS_PUBLIC_KEYS = Object.fromEntries(
  CARD_SCHEMES.map((scheme) => [
    scheme,
    Buffer.from(JSON.stringify(publicJwk())).toString('base64url'),
  ]),
) as Record<CardScheme, string>;

export function directoryServer(scheme: CardScheme) {
  return {
    ds_id: DS_ID[scheme],
    reference_number: `${scheme.toUpperCase().slice(0, 4)}.DS.SIM.0001`,
    transaction_id: newUuid(),
  };
}

/**
 * `certificates`: the scheme's DS key (to encrypt device data), the DS-CA root, and every root
 * (`ca_public_all`, in Checkout's current API: its .NET SDK's `Certificates.CaPublicAll`).
 */
export function dsCertificates(scheme: CardScheme): {
  ds_public: string;
  ca_public: string;
  ca_public_all: string[];
} {
  return { ds_public: DS_PUBLIC_KEYS[scheme], ca_public: DS_CA_ROOT, ca_public_all: [DS_CA_ROOT] };
}

/** An ephemeral ACS key (EMV acsEphemPubKey) for an app challenge's signed content. */
export function acsEphemeralKey(): Record<string, unknown> {
  const { kty, crv, x, y } = publicJwk();
  return { kty, crv, x, y };
}
