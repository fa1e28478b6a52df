import {
  CheckoutSessionsClient,
  type CheckoutCompletion,
  type CheckoutSession,
  type CreatedSession,
} from '@app/checkout-client';
import {
  HostedNotSupportedError,
  InvalidRequestError,
  maskedParts,
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from '@app/domain';
import {
  AuthenticationRepository,
  type AuthenticationEntity,
  type NewAuthentication,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { Failpoints } from '../common/failpoints.js';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';
import { newId } from '../common/ids.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { authenticationView } from './authentication.view.js';
import { CheckoutSessionRequests } from './checkout-session-request.js';
import { CheckoutSync } from './checkout-sync.service.js';
import { FollowupPlanner } from './followups.planner.js';
import { IdempotencyKeyTaken, sealAnswer, type IdempotentCreate } from './idempotent-create.js';
import type { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { SOURCE_TYPES } from './dto/source.request.dto.js';

/** Checkout codes meaning "no 3DS for this card": a result (proceed without liability shift). */
const NOT_ENROLLED_CODES = ['card_not_enrolled', 'issuer_not_enrolled'];

type Json = Record<string, unknown>;

/** Starting an authentication. Every state change goes through the transitions service. */
@Injectable()
export class AuthenticationsService {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly checkout: CheckoutSessionsClient,
    private readonly sync: CheckoutSync,
    private readonly secrets: SecretBox,
    private readonly followups: FollowupPlanner,
    private readonly failpoints: Failpoints,
    private readonly metrics: AuthenticationMetrics,
    private readonly sessionRequests: CheckoutSessionRequests,
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
      state: 'created',
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
      checkoutSessionId: null,
      hosted: request.hosted ?? null,
      callbackTokenHash: callbackToken.hash,
      nextAction: null,
      result: null,
      cryptogramCiphertext: null,
      failureReason: null,
      checkoutReadAt: null,
      checkoutCallUntil: null,
      checkoutCallToken: null,
    } satisfies NewAuthentication;
    const inserted = await this.repository.insert(
      row,
      {
        event: 'created',
        source: 'api',
        detail: { channel: request.channel, source_type: source.type },
      },
      this.followups.plan(null, row as AuthenticationEntity),
      idempotency,
    );
    if (inserted === 'key_taken') throw new IdempotencyKeyTaken();
    if (idempotency) idempotency.claimed = true;
    this.metrics.authenticationStarted(row);
    const created = await this.createCheckoutSession(
      id,
      team,
      request,
      this.completionFor(id, callbackToken.token, request),
    );
    this.failpoints.hit('after_checkout_create');
    if (!created) return authenticationView((await this.repository.findById(id))!);
    const session = await this.withDirectoryServer(request.channel, created);
    // The app channel hands this to the 3DS SDK; it is never stored in clear
    // (docs/checkout-sessions.md#session-secret).
    const answer = (authentication: AuthenticationEntity): Json => ({
      ...authenticationView(authentication),
      ...(request.channel === 'app'
        ? { checkout_session_secret: created.session.session_secret }
        : {}),
    });
    const outcome = await this.sync.move(inserted, session, 'api', {
      answer: idempotency
        ? (after) => ({
            ...idempotency,
            status: 201,
            body: sealAnswer(answer(after), this.secrets),
          })
        : undefined,
    });
    if (idempotency && outcome?.moved) idempotency.answered = true;
    this.failpoints.hit('before_create_answer');
    return answer(outcome?.authentication ?? inserted);
  }

  /**
   * Our URLs for Checkout, each carrying the per-authentication token: the callback (non-hosted),
   * or the two pages its hosted page ends on.
   */
  private completionFor(
    id: string,
    token: string,
    request: CreateAuthenticationRequestDto,
  ): CheckoutCompletion {
    return request.hosted
      ? {
          type: 'hosted',
          success_url: this.sync.hostedReturnUrl(id, token, 'success'),
          failure_url: this.sync.hostedReturnUrl(id, token, 'failure'),
        }
      : {
          type: 'non_hosted',
          callback_url: this.sync.callbackUrl(id, token),
          challenge_notification_url: this.sync.challengeNotificationUrl(id),
        };
  }

  /**
   * A pending session is answered (202) without `ds` and `certificates`, which an app's 3DS SDK
   * needs before it has device data to send: they come with an OAuth read
   * (docs/checkout-sessions.md#app-channel). If that read fails the next action shows them null.
   */
  private async withDirectoryServer(
    channel: CreateAuthenticationRequestDto['channel'],
    created: CreatedSession,
  ): Promise<CheckoutSession> {
    if (channel !== 'app' || created.status !== 202) return created.session;
    const read = await this.checkout.getSession(created.session.id).catch(() => undefined);
    return read ?? created.session;
  }

  private async createCheckoutSession(
    id: string,
    team: string,
    request: CreateAuthenticationRequestDto,
    completion: CheckoutCompletion,
  ) {
    const body = this.sessionRequests.build(team, request, completion);
    try {
      return await this.checkout.createSession(body);
    } catch (error) {
      await this.creationFailed(id, error);
      return null;
    }
  }

  /**
   * Records why no session exists and rethrows, except for "not enrolled", which is a result.
   * POST /sessions is never retried blindly: Checkout has no idempotency for it
   * (docs/checkout-sessions.md#idempotency-and-concurrency).
   */
  private async creationFailed(id: string, error: unknown): Promise<void> {
    if (error instanceof UpstreamUnavailableError && error.maybeProcessed) {
      // The creation deadline may have got there first: either way the outcome is unknown.
      await this.transitions.applyIfLegal(
        id,
        { type: 'creation_timed_out' },
        { source: 'api', detail: { reason: error.message } },
      );
      throw new UpstreamOutcomeUnknownError(id);
    }
    if (error instanceof UpstreamRejectedRequestError) {
      const notEnrolled = error.errorCodes.some((code) => NOT_ENROLLED_CODES.includes(code));
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
    const reason = error instanceof UpstreamBusyError ? 'checkout_busy' : 'checkout_unavailable';
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
