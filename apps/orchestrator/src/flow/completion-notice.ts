import type { AuthenticationEntity, TeamEventDraft } from '@app/persistence';

/**
 * What the team is told once an authentication's outcome is known (the domain's `notify_team`
 * effect), written as an outbox row in the move's own transaction. The team events module owns
 * the event and provides this; a flow without it (the flow specs) tells nobody.
 */
export abstract class CompletionNotice {
  /** `after`: the authentication as the move leaves it. */
  abstract draftFor(after: AuthenticationEntity): TeamEventDraft;
}
