export const SIMULATOR_CLIENT: { readonly id: string; readonly secret: string };
export const PROCESSING_CHANNEL: string;
export const SECRETS: {
  readonly CRYPTOGRAM_ENCRYPTION_KEY: string;
  readonly CARD_FINGERPRINT_KEY: string;
};
export const API_KEY: string;
export const TEAM: string;
export const ADYEN: {
  readonly apiKey: string;
  readonly clientKey: string;
  readonly merchantAccount: string;
  readonly hmacKey: string;
};
