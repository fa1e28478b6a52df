import {
  isKnownWebhookType,
  parseCheckoutWebhook,
  type CheckoutWebhookEvent,
} from '@app/checkout-client';
import {
  allows,
  maskCardNumbersIn,
  ThreeDsProvider,
  WebhookSignatureInvalidError,
} from '@app/domain';
import {
  AuthenticationRepository,
  ProviderEventInbox,
  type JobSpec,
  checkoutEventJob,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Failpoints } from '../../../common/failpoints.js';
import { eventsConfig, type EventsConfig } from '../../../config/events.config.js';
import { jobsConfig, type JobsConfig } from '../../../config/jobs.config.js';
import { parseJsonOrUndefined } from '../../../http/input-screening.js';
import { InboundMetrics } from '../../../metrics/inbound.metrics.js';
import { authorizationMatches, checkoutSignatureMatches } from './webhook-signature.js';

export interface ReceivedWebhook {
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
  readonly authorization: string | undefined;
}

/**
 * A webhook is a hint, never the truth: it is verified, deduplicated by event id in the inbox,
 * and a job re-reads the session; the state machine decides. Everything else is a no-op. A
 * validly signed webhook is always answered 2xx: Checkout retries any other answer for hours.
 */
@Injectable()
export class CheckoutWebhooksService {
  private readonly logger = new Logger(CheckoutWebhooksService.name);

  constructor(
    private readonly inbox: ProviderEventInbox,
    private readonly provider: ThreeDsProvider,
    private readonly repository: AuthenticationRepository,
    private readonly failpoints: Failpoints,
    @Inject(eventsConfig.KEY) private readonly events: EventsConfig,
    @Inject(jobsConfig.KEY) private readonly jobs: JobsConfig,
    private readonly metrics: InboundMetrics,
  ) {}

  async receive(webhook: ReceivedWebhook): Promise<void> {
    this.verify(webhook);
    // Read only now, and never refused for what it holds: card numbers in any field are masked
    // before anything is stored, queued or logged (docs/card-data.md), so a masked id is no
    // longer one and the event is ignored.
    const body = parseJsonOrUndefined(webhook.rawBody);
    const event = body === undefined ? null : parseCheckoutWebhook(maskCardNumbersIn(body));
    // Signed by Checkout but not something we act on: answered 200, or Checkout retries it for
    // hours (and may disable the endpoint). An unparseable body is logged without its content.
    if (!event || !isKnownWebhookType(event.type) || !event.sessionId) {
      this.logger.log({
        msg: 'checkout webhook ignored',
        reason: body === undefined ? 'not_json' : 'not_acted_on',
        event_id: event?.id,
        type: event?.type,
      });
      this.metrics.webhookReceived('ignored');
      return;
    }
    const fresh = await this.inbox.receive(
      {
        provider: this.provider.name,
        id: event.id,
        type: event.type,
        providerSessionId: event.sessionId,
      },
      await this.followup(event, event.sessionId),
    );
    this.metrics.webhookReceived(fresh ? 'accepted' : 'duplicate');
    this.logger.log({
      msg: 'checkout webhook received',
      event_id: event.id,
      type: event.type,
      fresh,
    });
    this.failpoints.hit('after_webhook_received');
  }

  private verify(webhook: ReceivedWebhook): void {
    const { secrets, authorization } = this.events.checkoutWebhook;
    const signed = checkoutSignatureMatches(webhook.rawBody, webhook.signature, secrets);
    const authorized = !authorization || authorizationMatches(webhook.authorization, authorization);
    if (!signed || !authorized) {
      this.metrics.webhookReceived('refused');
      throw new WebhookSignatureInvalidError();
    }
  }

  /**
   * The job that acts on it, if any. A session we know that is already final, or only "started",
   * has nothing to tell. One we do not know may belong to a create still waiting on Checkout's
   * answer, so it is looked at once that create's own deadline has passed.
   */
  private async followup(
    event: CheckoutWebhookEvent,
    sessionId: string,
  ): Promise<JobSpec | undefined> {
    const known = await this.repository.findByProviderSession(this.provider.name, sessionId);
    if (
      known &&
      (!allows(known.state, 'reread_session') || event.type === 'authentication_started')
    )
      return undefined;
    const payload = {
      event_id: event.id,
      type: event.type,
      session_id: sessionId,
      reference: event.reference,
      amount: event.amount,
      currency: event.currency,
      event_at: (event.createdOn ?? new Date()).toISOString(),
      attempt: 1,
    };
    return checkoutEventJob(payload, known ? 0 : this.jobs.recheckMs.creation);
  }
}
