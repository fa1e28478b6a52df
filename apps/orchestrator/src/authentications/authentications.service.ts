import {
  HostedNotSupportedError,
  INITIAL_STATE,
  InitialSessionNotFoundError,
  InvalidRequestError,
  maskedParts,
  ThreeDsProvider,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  type ProviderReturnUrls,
} from '@app/domain';
import {
  AuthenticationRepository,
  isDatabaseUnavailable,
  type AuthenticationEntity,
  type NewAuthentication,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { Failpoints } from '../common/failpoints.js';
import { OutageRetries } from '../common/outage-retries.js';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';
import { newId } from '../common/ids.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { authenticationView } from './authentication.view.js';
import { CheckoutSync } from './checkout-sync.service.js';
import { FollowupPlanner } from './followups.planner.js';
import { IdempotencyKeyTaken, sealAnswer, type IdempotentCreate } from './idempotent-create.js';
import type { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { SOURCE_TYPES } from './dto/source.request.dto.js';

type Json = Record<string, unknown>;

/** Starting an authentication. Every state change goes through the transitions service. */
@Injectable()
export class AuthenticationsService {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly provider: ThreeDsProvider,
    private readonly sync: CheckoutSync,
    private readonly secrets: SecretBox,
    private readonly followups: FollowupPlanner,
    private readonly failpoints: Failpoints,
    private readonly metrics: AuthenticationMetrics,
    private readonly outageRetries: OutageRetries,
  ) {}

  /**
   * `idempotency`: the request's Idempotency-Key, claimed by the insert and answered by the move
   * that records Checkout's answer (two statements for the whole request).
   */
  async create(
    team: string,
    request: CreateAuthenticationRequestDto,
    idempotency?: IdempotentCreate,
  ): Promise<Json> {
    if (!SOURCE_TYPES.includes(request.source.type)) {
      throw new InvalidRequestError(`source.type must be one of ${SOURCE_TYPES.join(', ')}`);
    }
    if (request.hosted) assertHostable(request);
    if (request.channel_data && request.channel_data.channel !== request.channel) {
      throw new InvalidRequestError('channel_data.channel must match channel', {
        channel: request.channel,
      });
    }
    const initialSessionId = request.initial_transaction?.initial_session_id;
    if (initialSessionId) await this.assertOwnSession(team, initialSessionId);
    const id = newId('auth');
    const callbackToken = this.secrets.newUrlToken();
    const source = request.source;
    const pan =
      source.type === 'card'
        ? source.number
        : source.type === 'network_token'
          ? source.token
          : undefined;
    const row = {
      id,
      teamId: team,
      state: INITIAL_STATE,
      outcome: null,
      reference: request.reference,
      amount: request.amount ?? null,
      currency: request.currency,
      channel: request.channel,
      sourceType: source.type,
      cardBin: pan ? maskedParts(pan).bin : null,
      cardLast4: pan ? maskedParts(pan).last4 : null,
      cardFingerprint: pan ? this.secrets.cardFingerprint(pan) : null,
      scheme: null,
      provider: this.provider.name,
      providerSessionId: null,
      hosted: request.hosted ?? null,
      callbackTokenHash: callbackToken.hash,
      nextAction: null,
      result: null,
      cryptogramCiphertext: null,
      failureReason: null,
      providerReadAt: null,
      providerCallUntil: null,
      providerCallToken: null,
    } satisfies NewAuthentication;
    const inserted = await this.repository.insert(
      row,
      {
        event: INITIAL_STATE,
        source: 'api',
        detail: { channel: request.channel, source_type: source.type },
      },
      this.followups.plan(null, row as AuthenticationEntity),
      idempotency,
    );
    if (inserted === 'key_taken') throw new IdempotencyKeyTaken();
    if (idempotency) idempotency.claimed = true;
    this.metrics.authenticationStarted(row);
    const created = await this.createProviderSession(
      inserted,
      request,
      this.sync.returnUrls(id, callbackToken.token),
    );
    this.failpoints.hit('after_checkout_create');
    if (!created) return authenticationView((await this.repository.findById(id))!);
    // The app channel hands this to the 3DS SDK; it is never stored in clear
    // (docs/checkout-sessions.md#session-secret).
    const answer = (authentication: AuthenticationEntity): Json => ({
      ...authenticationView(authentication),
      ...(request.channel === 'app' ? { checkout_session_secret: created.sdkSessionSecret } : {}),
    });
    const move = () =>
      this.sync.move(inserted, created.snapshot, 'api', {
        answer: idempotency
          ? (after) => ({
              ...idempotency,
              status: 201,
              body: sealAnswer(answer(after), this.secrets),
            })
          : undefined,
      });
    const outcome = await move().catch((error: unknown) => {
      // Checkout holds the session, and only this process knows it: recorded once the database
      // is back, a retry with the same key then resumes it (docs/design.md#database-outages).
      if (isDatabaseUnavailable(error)) this.outageRetries.keepTrying(`create ${id}`, move);
      throw error;
    });
    if (idempotency && outcome?.moved) idempotency.answered = true;
    this.failpoints.hit('before_create_answer');
    return answer(outcome?.authentication ?? inserted);
  }

  /**
   * A 3RI links to an earlier session of the same team: another team's is answered like an
   * unknown one, with the same single lookup, so the answer reveals nothing across teams.
   */
  private async assertOwnSession(team: string, sessionId: string): Promise<void> {
    const earlier = await this.repository.findByProviderSession(this.provider.name, sessionId);
    if (earlier?.teamId !== team) throw new InitialSessionNotFoundError();
  }

  private async createProviderSession(
    authentication: AuthenticationEntity,
    request: CreateAuthenticationRequestDto,
    urls: ProviderReturnUrls,
  ) {
    try {
      return await this.provider.createSession(
        authentication.teamId,
        request,
        urls,
        this.sync.contextOf(authentication),
      );
    } catch (error) {
      await this.creationFailed(authentication.id, error);
      return null;
    }
  }

  /**
   * Records why no session exists and rethrows, except for "not enrolled", which is a result.
   * POST /sessions is never retried blindly: Checkout has no idempotency for it
   * (docs/checkout-sessions.md#idempotency-and-concurrency).
   */
  private async creationFailed(id: string, error: unknown): Promise<void> {
    const failure = this.provider.failureOf(error);
    if (failure?.class === 'outcome_unknown') {
      // The creation deadline may have got there first: either way the outcome is unknown.
      await this.transitions.applyIfLegal(
        id,
        { type: 'creation_timed_out' },
        { source: 'api', detail: { reason: (error as Error).message } },
      );
      throw new UpstreamOutcomeUnknownError(id);
    }
    if (error instanceof UpstreamRejectedRequestError) {
      const notEnrolled = failure?.class === 'rejected' && failure.cardNotEnrolled;
      await this.transitions.apply(
        id,
        { type: 'creation_rejected', outcome: notEnrolled ? 'unavailable' : 'error' },
        {
          source: 'api',
          columns: { failureReason: error.errorCodes.join(',') || error.errorType },
          detail: { error_type: error.errorType },
        },
      );
      if (notEnrolled) return;
      throw error;
    }
    const reason = failure?.class === 'busy' ? 'checkout_busy' : 'checkout_unavailable';
    await this.transitions.apply(id, { type: 'failed', reason }, { source: 'api' });
    throw error;
  }
}

/**
 * Checkout's hosted page runs in a browser and gathers the browser data itself
 * (docs/checkout-sessions.md#hosted-sessions).
 */
function assertHostable(request: CreateAuthenticationRequestDto): void {
  if (request.channel !== 'browser') {
    throw new HostedNotSupportedError('hosted authentication is for the browser channel only');
  }
  if (request.channel_data) {
    throw new HostedNotSupportedError(
      "hosted authentication takes no channel_data: Checkout's page gathers it",
    );
  }
}
