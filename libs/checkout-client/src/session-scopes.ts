/** The channels this client can ask Checkout to authenticate on (`merchant_initiated` not yet). */
export const SESSION_CHANNELS = ['browser', 'app'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

/**
 * The OAuth scopes for these channels, one per channel (`sessions:browser`, `sessions:app`).
 * Checkout answers `invalid_scope` to a token request naming a scope the key lacks, so only
 * the enabled channels' scopes are asked for.
 */
export function sessionScopes(channels: readonly SessionChannel[]): string[] {
  return SESSION_CHANNELS.filter((channel) => channels.includes(channel)).map(
    (channel) => `sessions:${channel}`,
  );
}
