// Team events (POST /events): verified the Standard Webhooks way before anything reads them.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/** The last events this process verified, newest last: shown on the page and read by tests. */
const MAX_KEPT = 50;

export class TeamEvents {
  /** @param {string | undefined} secret the endpoint's `whsec_…` secret, shown once at registration */
  constructor(secret) {
    this.webhook = secret ? new Webhook(secret) : undefined;
    /** @type {Array<{ id: string, type: string, authentication_id: string, received_at: string }>} */
    this.verified = [];
  }

  /**
   * Answers the orchestrator: 204 once verified, 400 when the signature does not match (a 2xx
   * would mark a forged or mangled delivery as done). `rawBody` must be the bytes as received.
   */
  receive(rawBody, headers) {
    if (!this.webhook) return { status: 503, body: { error: 'THREEDS_EVENTS_SECRET is not set' } };
    /** @type {import('@threeds/api-client').TeamEventBody} */
    let event;
    try {
      event = this.webhook.verify(rawBody, {
        'webhook-id': headers['webhook-id'],
        'webhook-timestamp': headers['webhook-timestamp'],
        'webhook-signature': headers['webhook-signature'],
      });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      console.warn(`team event refused: ${error.message}`);
      return { status: 400, body: { error: 'signature not verified' } };
    }
    // webhook-id is the same on every retry: deduplicate on it.
    const id = headers['webhook-id'];
    if (!this.verified.some((known) => known.id === id)) {
      this.verified.push({
        id,
        type: event.type,
        authentication_id: event.data?.authentication_id,
        received_at: new Date().toISOString(),
      });
      this.verified.splice(0, this.verified.length - MAX_KEPT);
      console.log(`team event verified: ${event.type} ${event.data?.authentication_id} (${id})`);
    }
    return { status: 204 };
  }
}
