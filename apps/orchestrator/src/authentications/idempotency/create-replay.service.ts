import { allows, UpstreamOutcomeUnknownError } from '@app/domain';
import {
  AuthenticationRepository,
  IdempotencyKeyRepository,
  type IdempotencyKeyEntity,
} from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../../config/jobs.config.js';
import { domainErrorResponse } from '../../http/domain-error.filter.js';
import { authenticationView } from '../authentication.view.js';

export type StoredAnswer = { readonly status: number; readonly body: object };

/**
 * What a retried create (same Idempotency-Key, same body) is answered:
 * - the first response, when one was stored (Stripe's replay semantics);
 * - while the first request may still be running (younger than the creation deadline, which
 *   outlasts every provider call it makes): `in_progress` (409);
 * - while the provider's answer is unknown (a lost reply, a crash): 504 UPSTREAM_OUTCOME_UNKNOWN;
 * - once the authentication the key created has moved on (an event linked its session, or it
 *   was closed): 201 with that authentication, fixed as the key's answer from then on.
 * Never a second authentication, never a second provider session.
 */
@Injectable()
export class CreateReplay {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly keys: IdempotencyKeyRepository,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async answerFor(existing: IdempotencyKeyEntity): Promise<StoredAnswer | 'in_progress'> {
    const stored = storedAnswer(existing);
    const id = existing.authenticationId;
    if (stored && !(id && RESUMABLE_STATUSES.includes(stored.status))) return stored;
    // A request younger than the creation deadline may still be waiting on the provider.
    if (!id || (existing.state === 'in_progress' && this.mayStillRun(existing))) {
      return 'in_progress';
    }
    const authentication = await this.repository.findById(id);
    if (!authentication || !allows(authentication.state, 'answer_create_retry')) {
      return outcomeUnknown(id);
    }
    const answer = { status: 201, body: authenticationView(authentication) };
    await this.keys.settle(existing.teamId, existing.keyHash, answer.status, answer.body);
    return answer;
  }

  private mayStillRun(existing: IdempotencyKeyEntity): boolean {
    return Date.now() - existing.updatedAt.getTime() < this.config.recheckMs.creation;
  }
}

/**
 * Stored answers that say "not settled yet" rather than what the request was: 504 (the provider's
 * answer unknown) and 409 (our own move lost a race with a deadline). With an authentication
 * behind them, the authentication answers instead.
 */
const RESUMABLE_STATUSES = [409, 504];

/**
 * The kept answer. Parsing the text the first answer went out as gives its keys back in their
 * order, so sending it again gives the same bytes; answers kept before that text was (jsonb)
 * replay with jsonb's key order.
 */
function storedAnswer(existing: IdempotencyKeyEntity): StoredAnswer | undefined {
  const body =
    existing.responseText !== null
      ? (JSON.parse(existing.responseText) as object)
      : existing.responseBody;
  return existing.state === 'completed' && existing.responseStatus && body
    ? { status: existing.responseStatus, body }
    : undefined;
}

const outcomeUnknown = (id: string): StoredAnswer =>
  domainErrorResponse(new UpstreamOutcomeUnknownError(id));
