import type { AuthenticationEntity, CreatingKey, StepUpLink } from '@app/persistence';

// What a start (a create, a step-up) gives back to its trigger, and what the trigger hands in.

/** An authentication as its create leaves it. */
export interface Started {
  readonly authentication: AuthenticationEntity;
  /**
   * Whether the provider opened a session (false: the card takes no part in 3DS, a result
   * without one).
   */
  readonly sessionCreated: boolean;
  /** For an app's 3DS SDK: answered once, never stored in clear. */
  readonly sdkSessionSecret?: string;
}

/**
 * The request's Idempotency-Key, claimed by the statement that inserts the authentication, and
 * how to render the key's answer from the authentication as the move that settles the request
 * leaves it (that move keeps it, in its own statement).
 */
export interface StartKey extends CreatingKey {
  readonly answerFor: (started: Started) => { readonly status: number; readonly body: object };
}

/** The original a step-up links to, and what its active claim's release tells (StepUpLink). */
export type StepUpOf = { readonly original: AuthenticationEntity } & Pick<
  StepUpLink,
  'releaseNotice' | 'released'
>;

/**
 * What came of a create, as a value:
 * - `key_taken`: another request holds the key; nothing was recorded;
 * - `started`: the authentication exists; `answerKept` when the move that settled it kept the
 *   key's answer too;
 * - `failed`: the authentication was recorded (the key with it) and then the request failed.
 * An error thrown instead happened before anything was recorded.
 */
export type StartOutcome =
  | { readonly type: 'key_taken' }
  | ({ readonly type: 'started'; readonly answerKept: boolean } & Started)
  | { readonly type: 'failed'; readonly error: unknown };
