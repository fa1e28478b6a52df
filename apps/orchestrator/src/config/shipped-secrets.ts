import { createHash } from 'node:crypto';
import type { OrchestratorEnvironment } from './orchestrator.environment.js';

/**
 * SHA-256 of every secret value this repository ships (development defaults, docker-compose,
 * test and benchmark settings): anyone can read them, so production refuses them. Digests, not
 * the values, and never read from config/ at run time; test/project/shipped-secrets.spec.ts
 * fails when a shipped file holds a secret missing here.
 */
export const SHIPPED_SECRET_DIGESTS: ReadonlySet<string> = new Set([
  // config/development.env and docker-compose.yml
  '865152e78198556d1773437a14b988e097cfc16e849fa88f026ca41e02ad5e22', // simulator client secret
  'e519207630cf9ba1e2b89f1216d54ef00ad1a796e52179fa77188cd2c907c294', // demo team API key
  '513f12928e919434940fd8da38c6c1cfd8fae3a8e675ac3e9be21c34160a2800', // cryptogram key
  '4459f2bbe9c3a8cb6603d1553130d92cabaf2639465401760b52463531a60d31', // card fingerprint key
  '8286d0d6f14db4c4ee16900deed491957ef555f9a9fae9c2dafe8cd39238ab4f', // webhook signing key
  'b8b6f1bb4f0ef85399009d7c25fdb565a558faced7c3891d3c22cdd8dca8a88a', // Adyen API key
  'a8f50f5c3ebd1a0e5568aa0a4cf1435a6ee3523b74e648d33659ae928eaf187c', // Adyen client key
  '886c7d23258abee552076a0770f4dfc54cdc8ccde6e2073fdaf667e669beea8f', // Adyen HMAC key
  '21c5a141a1d608861677be5ef42b33a0aca50430beb4d3978a3e1d4ff8c4037c', // Adyen webhook password
  // the simulator's default SIMULATOR_WEBHOOK_SECRET
  'b92b6eddc6e221484e6062818620005e24d722776d0ddbc3fb536d1229059db2',
  // test/support: Checkout client, team API keys, keys, webhook and simulator secrets
  '8ac950188678f9bb3524b275130332b511bf5092394da6975b5fb9e84302f026',
  '4ba69be2bd7f40f0589698b755b825595b3f94a03861f74cdedf12bdc0116566',
  'b879fab0feb8c2e573eb61217bfc0bed6a81af200d5b6e9585245114314903db',
  'ebbad97f478755d90c8f34bec04444dc8b0025d5fc09ed3523aa5d17e6059d86',
  '87b8fd9f4fc653fa2c21afd804d48550c7d5a78470ba3af9f86223f42ff4a3a0',
  'd6208939313f62d03a7d0bfce27b238aadc37c7525771c52e4a0a885bfcfa65b',
  '6c949219f211095856fe1c8d4bc5497c3fa01f6f1a89530a382d4aaa6f33904b',
  // scripts/bench: simulator client, cryptogram and fingerprint keys, API key
  '9acb9b1943950a405f5dd586f7481f3074ad484667f21d0aa4d6b26efa6859a5',
  '10f76ce356b2749fbeb7c49530ae8d558221d2841f9096bfb1821d6744a6065c',
  'e7d42452e12f0628caf35aab40d432e40c96dce3d55c16fb6a6a77821c8b3233',
  'e78dc579975743fffd9ceb307b918728987f5e77150ff6205367211487eb4d1e',
  // scripts/bench: the Adyen simulator's API key, client key and HMAC key (--failover)
  '0684f5a95c24aa51a19a69e07b9e95ae858b8421ee71b4911be4ea38d3863708',
  'b087fbe3d497092a29aa586c114a222fd8b20e6445a49206efe8158704cefa7e',
  '3eeb0c46b74063c24f20b81c8cea7f4674ef521e3a28ee0ea5179aa492beed7d',
  // scripts/canary.mjs: its simulator's client secret
  'da73f2c0ba297a0051440fb5a5b7782e97f3a8cb433c42353bb8fef511e6bf46',
  // the Adyen simulator: docs/adyen-simulator.md's API key and HMAC key (upper-case hex), its
  // default client key; test/support's API and client keys (simulator and loopback stand-in)
  '7e9f8fd111802be56c379d597842e29b2cebd35ff2133d431a49fa556a18704e',
  'e4d12f849ede90f821c4fc8d80be84cec42d8fee252d1b3a5ab2559eb8894f66',
  '9e9b74d82bab662ae62fca1361369c84c84b814cbbfbeee696dbf6ff7b6df220',
  'd799cee004d7b7f6af0950b1655e34bb3626dcd9e155eb167b475d53bcf10e8d',
  'f5d56686fa66a39435118cb2a9ec547e01a0e4349105428b37306519000c384d',
  'f6ecf343d50ce1e4208d618b0a63d1151610b24e275f19f00f234eb28669c922',
  'c192e181ca0edee87ed85d7856bdcb7035f76d8ccb504e5de9094c82c1cfb546',
  // test/support: the Adyen webhook endpoint's Basic auth password
  '03c8cb64b8db3d4e0ac31cbc999bf52ef5b72e367096eb10d8f7173de50ea9d9',
]);

export const isShippedSecret = (value: string): boolean =>
  SHIPPED_SECRET_DIGESTS.has(createHash('sha256').update(value).digest('hex'));

/** The orchestrator's secret settings and the secret values each holds (keys of API_KEYS …). */
export function secretValuesOf(env: OrchestratorEnvironment): Array<[string, string[]]> {
  const list = (raw: string | undefined): string[] => (raw ?? '').split(',').filter(Boolean);
  const one = (raw: string | undefined): string[] => (raw ? [raw] : []);
  const entries: Array<[string, string[]]> = [
    ['API_KEYS', list(env.API_KEYS).map((pair) => pair.slice(pair.indexOf(':') + 1))],
    ['DEMO_API_KEY', one(env.DEMO_API_KEY)],
    ['CHECKOUT_CLIENT_SECRET', one(env.CHECKOUT_CLIENT_SECRET)],
    ['CRYPTOGRAM_ENCRYPTION_KEY', one(env.CRYPTOGRAM_ENCRYPTION_KEY)],
    ['CARD_FINGERPRINT_KEY', one(env.CARD_FINGERPRINT_KEY)],
    ['CHECKOUT_WEBHOOK_SECRETS', list(env.CHECKOUT_WEBHOOK_SECRETS)],
    ['CHECKOUT_WEBHOOK_AUTHORIZATION', one(env.CHECKOUT_WEBHOOK_AUTHORIZATION)],
    ['ADYEN_API_KEY', one(env.ADYEN_API_KEY)],
    ['ADYEN_CLIENT_KEY', one(env.ADYEN_CLIENT_KEY)],
    // Hex, judged in the case the digests were taken in: a key means the same in either case.
    ['ADYEN_HMAC_KEYS', list(env.ADYEN_HMAC_KEYS).map((key) => key.toUpperCase())],
    ['ADYEN_WEBHOOK_PASSWORD', one(env.ADYEN_WEBHOOK_PASSWORD)],
  ];
  return entries.filter(([, values]) => values.length > 0);
}
