import { HOSTED_EXIT_FOR_OUTCOME, isFinal, type HostedExit } from '@app/domain';
import type { AuthenticationEntity } from '@app/persistence';

/**
 * Where a cardholder back from Checkout's hosted page goes: the team's page for the outcome as
 * the session read established it, never for the path Checkout's page chose. An outcome not yet
 * known goes to `failure_url` with `state` (the team's page then polls the API). The query is a
 * hint for the page; authorize only on GET …/result (docs/design.md#hosted-sessions).
 */
export function hostedReturnLocation(authentication: AuthenticationEntity): string {
  const urls = authentication.hosted!;
  const exit: HostedExit =
    isFinal(authentication.state) && authentication.outcome
      ? HOSTED_EXIT_FOR_OUTCOME[authentication.outcome]
      : 'failure';
  const page = {
    success: urls.success_url,
    failure: urls.failure_url,
    cancel: urls.cancel_url ?? urls.failure_url,
  }[exit];
  const location = new URL(page);
  location.searchParams.set('authentication_id', authentication.id);
  location.searchParams.set('state', authentication.state);
  if (authentication.outcome) location.searchParams.set('outcome', authentication.outcome);
  return location.toString();
}
