import { UpstreamOutcomeUnknownError } from '@app/domain';
import {
  AuthenticationRepository,
  IdempotencyKeyRepository,
  type IdempotencyKeyEntity,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { domainErrorResponse } from '../http/domain-error.filter.js';
import { authenticationView } from './authentication.view.js';

export type StoredAnswer = { readonly status: number; readonly body: object };

/**
 * What a retried create (same Idempotency-Key, same body) is answered:
 * - the first response, when one was stored (Stripe's replay semantics);
 * - while the first request may still be waiting on Checkout: `in_progress` (409);
 * - while Checkout's answer is unknown (a lost reply, a crash): 504 UPSTREAM_OUTCOME_UNKNOWN;
 * - once the authentication the key created has moved on (a webhook linked its session, or it
 *   was closed): 201 with that authentication, fixed as the key's answer from then on.
 * Never a second authentication, never a second Checkout session.
 */
@Injectable()
export class CreateReplay {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly keys: IdempotencyKeyRepository,
  ) {}

  async answerFor(existing: IdempotencyKeyEntity): Promise<StoredAnswer | 'in_progress'> {
    const stored = storedAnswer(existing);
    if (stored && (stored.status !== 504 || !existing.authenticationId)) return stored;
    const id = existing.authenticationId;
    if (!id) return 'in_progress';
    const authentication = await this.repository.findById(id);
    if (!authentication || authentication.state === 'created') {
      return existing.state === 'in_progress' ? 'in_progress' : outcomeUnknown(id);
    }
    if (authentication.state === 'creation_unknown') return outcomeUnknown(id);
    const answer = { status: 201, body: authenticationView(authentication) };
    await this.keys.settle(existing.teamId, existing.key, answer.status, answer.body);
    return answer;
  }
}

function storedAnswer(existing: IdempotencyKeyEntity): StoredAnswer | undefined {
  return existing.state === 'completed' && existing.responseStatus && existing.responseBody
    ? { status: existing.responseStatus, body: existing.responseBody }
    : undefined;
}

const outcomeUnknown = (id: string): StoredAnswer =>
  domainErrorResponse(new UpstreamOutcomeUnknownError(id));
