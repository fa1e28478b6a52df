// What the benchmark's processes share: the simulator's OAuth client, the processing channel
// every create names (the simulator's client is bound to none, as Checkout's), the keys of the
// orchestrator and the minimal implementation, and the API key the load uses. Benchmark values
// only: production refuses every one (apps/orchestrator/src/config/shipped-secrets.ts).

export const SIMULATOR_CLIENT = { id: 'ack_benchclient', secret: 'bench-client-secret' };
export const PROCESSING_CHANNEL = 'pc_benchprocessingchannel0000';
export const SECRETS = {
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
  CARD_FINGERPRINT_KEY: 'bench-card-fingerprint-key-000000000000',
};
export const API_KEY = 'bench-team-api-key-000001';
export const TEAM = 'bench';
/** The Adyen simulator's account, for `--failover`. */
export const ADYEN = {
  apiKey: 'AQE-bench-adyen-api-key',
  clientKey: 'test_BENCHCLIENTKEY',
  merchantAccount: 'BenchMerchantECOM',
  hmacKey: 'B3AC0D1C6A19F5A2E2D36D1C7E6F0A4B9D8C7B6A5F4E3D2C1B0A998877665544',
};
