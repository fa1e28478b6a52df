import { CheckoutSessionsClient, type CheckoutCreateSessionRequest } from '@app/checkout-client';
import {
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
  type CreatingKey,
} from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { Failpoints } from '../common/failpoints.js';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';
import { newId } from '../common/ids.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { authenticationView } from './authentication.view.js';
import { CheckoutSync } from './checkout-sync.service.js';
import { FollowupPlanner } from './followups.planner.js';
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
  ) {}

  /** `creatingKey`: the Idempotency-Key, linked to the row in the insert's transaction. */
  async create(
    team: string,
    request: CreateAuthenticationRequestDto,
    creatingKey?: CreatingKey,
  ): Promise<Json> {
    if (!SOURCE_TYPES.includes(request.source.type)) {
      throw new InvalidRequestError(`source.type must be one of ${SOURCE_TYPES.join(', ')}`);
    }
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
      callbackTokenHash: callbackToken.hash,
      nextAction: null,
      result: null,
      cryptogramCiphertext: null,
      failureReason: null,
      checkoutReadAt: null,
      checkoutCallUntil: null,
      checkoutCallToken: null,
    } satisfies Omit<AuthenticationEntity, 'createdAt' | 'updatedAt' | 'version'>;
    await this.repository.insert(
      row,
      {
        event: 'created',
        source: 'api',
        detail: { channel: request.channel, source_type: source.type },
      },
      this.followups.plan(null, row as AuthenticationEntity),
      creatingKey,
    );
    this.metrics.authenticationStarted(row);
    const created = await this.createCheckoutSession(
      id,
      request,
      this.sync.callbackUrl(id, callbackToken.token),
    );
    this.failpoints.hit('after_checkout_create');
    const stored = (await this.repository.findById(id))!;
    if (!created) return authenticationView(stored);
    const authentication = await this.sync.applySession(stored, created.session, 'api');
    this.failpoints.hit('before_create_answer');
    return {
      ...authenticationView(authentication),
      // The app channel hands this to the 3DS SDK; it is never stored
      // (docs/checkout-sessions.md#session-secret).
      ...(request.channel === 'app'
        ? { checkout_session_secret: created.session.session_secret }
        : {}),
    };
  }

  private async createCheckoutSession(
    id: string,
    request: CreateAuthenticationRequestDto,
    callbackUrl: string,
  ) {
    const { channel: _channel, channel_data, source, ...passThrough } = request;
    const body: CheckoutCreateSessionRequest = {
      ...passThrough,
      source,
      completion: {
        type: 'non_hosted',
        callback_url: callbackUrl,
        challenge_notification_url: this.sync.challengeNotificationUrl(id),
      },
      ...(channel_data ? { channel_data: channel_data } : {}),
    };
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
