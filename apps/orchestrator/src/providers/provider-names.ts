/** The adapters `THREEDS_PROVIDER` may name; `providers/registry.ts` maps each to its class. */
export const PROVIDER_NAMES = ['checkout'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
