/** The channels this client can ask Checkout to authenticate on; `merchant_initiated` is 3RI. */
export const SESSION_CHANNELS = ['browser', 'app', 'merchant_initiated'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

const SCOPE_OF_CHANNEL = {
  browser: 'sessions:browser',
  app: 'sessions:app',
  // Checkout documents no scope of its own for 3RI and POST /sessions accepts either; with
  // another channel enabled its scope serves (docs/checkout-sessions.md#merchant-initiated-3ri).
  merchant_initiated: 'sessions:app',
} as const satisfies Record<SessionChannel, string>;

/**
 * The OAuth scopes for these channels (`sessions:browser`, `sessions:app`). Checkout answers
 * `invalid_scope` to a token request naming a scope the key lacks, so only the enabled
 * channels' scopes are asked for.
 */
export function sessionScopes(channels: readonly SessionChannel[]): string[] {
  const cardholderChannels = channels.filter((channel) => channel !== 'merchant_initiated');
  const needed = cardholderChannels.length > 0 ? cardholderChannels : channels;
  return [
    ...new Set(
      SESSION_CHANNELS.filter((channel) => needed.includes(channel)).map(
        (channel) => SCOPE_OF_CHANNEL[channel],
      ),
    ),
  ];
}
