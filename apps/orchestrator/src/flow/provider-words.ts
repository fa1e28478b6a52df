/**
 * Stored words that name the provider they concern: timeline sources (`<provider>_callback`,
 * `<provider>_webhook`, `<provider>_complete`), failure reasons (`<provider>_busy`,
 * `<provider>_session_not_found` …) and the key of its status word in a timeline row's detail
 * (`<provider>_status`). Teams read them in the timeline and in `failure_reason`, so they keep
 * the provider's name; the flow spells them through here only (docs/design.md#provider-port).
 */
export const PROVIDER_WORDS = [
  'callback',
  'webhook',
  'complete',
  'status',
  'busy',
  'unavailable',
  'session_not_found',
  'session_stalled',
] as const;
export type ProviderWord = (typeof PROVIDER_WORDS)[number];

/** `provider`: the name an authentication's row records, or the adapter's own. */
export const providerWord = (provider: string, word: ProviderWord): string => `${provider}_${word}`;
