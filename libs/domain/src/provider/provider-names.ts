/**
 * The 3DS providers the service knows: `THREEDS_PROVIDER` names the one behind the port, and
 * each authentication records the one that runs its session.
 */
export const PROVIDER_NAMES = ['checkout', 'adyen'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
