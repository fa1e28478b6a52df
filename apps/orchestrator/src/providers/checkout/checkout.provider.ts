import {
  CHECKOUT_NOT_ENROLLED_CODES,
  CheckoutSessionsClient,
  type CheckoutCompletion,
  type CreatedSession,
  type CheckoutSession,
} from '@app/checkout-client';
import {
  ThreeDsProvider,
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
  type ChannelData,
  type CreatedProviderSession,
  type MethodCompletion,
  type ProviderCapabilities,
  type ProviderChannel,
  type ProviderFailure,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ProviderSnapshot,
  type SessionRequest,
  type UpdateWindow,
} from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { allowedProcessingChannels } from '../../config/checkout-channels.js';
import { checkoutConfig, type CheckoutConfig } from '../../config/checkout.config.js';
import { CheckoutSessionRequests } from './checkout-session-request.js';
import { snapshotOf } from './checkout-session.snapshot.js';

/** Checkout codes meaning "no 3DS for this card": a result (proceed without liability shift). */
const NOT_ENROLLED_CODES: readonly string[] = CHECKOUT_NOT_ENROLLED_CODES;
/** Checkout refusing an update because the session already moved past that step. */
const MOVED_ON_CODES = ['update_not_allowed_due_to_state', 'session_already_in_use'];

/** Checkout.com's standalone Sessions API behind the provider port (docs/design.md#provider-port). */
@Injectable()
export class CheckoutProvider extends ThreeDsProvider {
  readonly name = 'checkout';
  readonly channels: readonly ProviderChannel[];
  /**
   * docs/providers.md#capabilities: every channel, 3DS1 (per account), hosted, `sid_…`, channel
   * data by a later `PUT /sessions/{id}/collect-data`, non-payment (`amount` optional). A create
   * is not idempotent: `POST /sessions` takes no idempotency key (docs/checkout-sessions.md).
   */
  readonly capabilities: ProviderCapabilities = {
    channels: ['browser', 'app', 'merchant_initiated'],
    threeDs1Fallback: true,
    hosted: true,
    checkoutPaymentSession: true,
    channelDataAfterCreate: true,
    nonPayment: true,
    idempotentCreate: false,
  };
  readonly updateWindow: UpdateWindow;

  constructor(
    private readonly client: CheckoutSessionsClient,
    private readonly requests: CheckoutSessionRequests,
    @Inject(checkoutConfig.KEY) private readonly config: CheckoutConfig,
  ) {
    super();
    this.channels = config.channels;
    this.updateWindow = {
      // Longer than an update can take: token, PUT, and both again after a 401, then a re-read
      // (with its one retry) of what the PUT did.
      holdMs: 6 * config.timeoutMs + 2 * config.authenticationTimeoutMs,
      // A waiter gives up sooner: the caller may retry (409 CONCURRENT_UPDATE).
      waitMs: 2 * config.authenticationTimeoutMs,
    };
  }

  /** TEAM_PROCESSING_CHANNELS, else CHECKOUT_PROCESSING_CHANNEL_ID. */
  processingChannelsOf(team: string): readonly string[] {
    return allowedProcessingChannels(team, this.config.processingChannels);
  }

  async createSession(
    team: string,
    request: SessionRequest,
    urls: ProviderReturnUrls,
    context: ProviderSessionContext,
  ): Promise<CreatedProviderSession> {
    const body = this.requests.build(team, request, completionFor(request, urls));
    const created = await this.client.createSession(body);
    const session = await this.withDirectoryServer(context, created);
    const secret = created.session.session_secret;
    return {
      snapshot: snapshotOf(session, context),
      ...(secret ? { sdkSessionSecret: secret } : {}),
    };
  }

  /** GET with OAuth: the only read that returns `cryptogram` and `eci`. */
  async readSession(id: string, context: ProviderSessionContext): Promise<ProviderSnapshot> {
    return snapshotOf(await this.client.getSession(id), context);
  }

  async submitChannelData(
    id: string,
    data: ChannelData,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    return snapshotOf(await this.client.collectChannelData(id, data), context);
  }

  async reportMethodCompletion(
    id: string,
    completion: MethodCompletion,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    return snapshotOf(await this.client.reportIssuerFingerprint(id, completion), context);
  }

  /** Checkout answers 204 only after our callback_url accepted its POST. */
  complete(id: string): Promise<void> {
    return this.client.completeSession(id);
  }

  failureOf(error: unknown): ProviderFailure | null {
    if (error instanceof UpstreamOutcomeUnknownError) return { class: 'outcome_unknown' };
    if (error instanceof UpstreamUnavailableError) {
      return { class: error.maybeProcessed ? 'outcome_unknown' : 'unavailable' };
    }
    if (error instanceof UpstreamBusyError) return { class: 'busy' };
    if (!(error instanceof UpstreamRejectedRequestError)) return null;
    if (error.status === 404) return { class: 'not_found' };
    return {
      class: 'rejected',
      providerCodes: error.errorCodes,
      cardNotEnrolled: error.errorCodes.some((code) => NOT_ENROLLED_CODES.includes(code)),
      sessionMovedOn: error.errorCodes.some((code) => MOVED_ON_CODES.includes(code)),
    };
  }

  /**
   * A pending session is answered (202) without `ds` and `certificates`, which an app's 3DS SDK
   * needs before it has device data to send: they come with an OAuth read
   * (docs/checkout-sessions.md#app-channel). If that read fails the next action shows them null.
   */
  private async withDirectoryServer(
    context: ProviderSessionContext,
    created: CreatedSession,
  ): Promise<CheckoutSession> {
    if (context.channel !== 'app' || created.status !== 202) return created.session;
    const read = await this.client.getSession(created.session.id).catch(() => undefined);
    return read ?? created.session;
  }
}

/** The callback (non-hosted), or the two pages Checkout's hosted page ends on. */
function completionFor(request: SessionRequest, urls: ProviderReturnUrls): CheckoutCompletion {
  return request.hosted
    ? { type: 'hosted', success_url: urls.hostedSuccess, failure_url: urls.hostedFailure }
    : {
        type: 'non_hosted',
        callback_url: urls.callback,
        challenge_notification_url: urls.challengeNotification,
      };
}
