import { CheckoutSessionsClient, type CheckoutSession } from '@app/checkout-client';
import { DomainError, isFinal } from '@app/domain';
import { AuthenticationRepository, JobQueue, type AuthenticationEntity } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CheckoutSync } from '../authentications/checkout-sync.service.js';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { TASKS } from '../jobs/job-specs.js';
import { retryDelayMs, type JobTask } from '../jobs/job-task.js';

const SOURCE = 'checkout_webhook';

interface CheckoutEventPayload {
  readonly event_id: string;
  readonly type: string;
  readonly session_id: string;
  readonly reference: string | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly attempt?: number;
}

/**
 * Acts on a Checkout webhook: re-reads the session it names (OAuth, the only read with the
 * cryptogram) and applies it. A session we never heard of is the answer to a create whose reply
 * was lost: it is linked to that authentication when exactly one matches what Checkout says.
 */
@Injectable()
export class CheckoutEventTask implements JobTask {
  readonly name = TASKS.checkoutEvent;
  private readonly logger = new Logger(CheckoutEventTask.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly checkout: CheckoutSessionsClient,
    private readonly sync: CheckoutSync,
    private readonly jobs: JobQueue,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async run(payload: unknown): Promise<void> {
    const event = payload as CheckoutEventPayload;
    try {
      const known = await this.repository.findByCheckoutSessionId(event.session_id);
      if (known) {
        if (!isFinal(known.state)) await this.sync.refresh(known, SOURCE);
        return;
      }
      await this.link(event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const attempt = event.attempt ?? 1;
      const backoff = {
        baseMs: this.config.recheckMs.session_lookup,
        capMs: this.config.recheckMaxIntervalMs,
      };
      this.logger.warn({
        msg: 'checkout webhook follow-up failed',
        event_id: event.event_id,
        code: error.code,
        attempt,
      });
      await this.jobs.add({
        task: this.name,
        payload: { ...event, attempt: attempt + 1 },
        runAfterMs: retryDelayMs(backoff, attempt, error),
        key: `checkout-event:${event.event_id}`,
      });
    }
  }

  private async link(event: CheckoutEventPayload): Promise<void> {
    if (!event.reference || !event.currency) return;
    const candidates = await this.repository.findUnlinkedCreations({
      reference: event.reference,
      currency: event.currency,
      amount: event.amount,
    });
    if (candidates.length !== 1) {
      this.logger.warn({
        msg: 'checkout webhook names an unknown session',
        event_id: event.event_id,
        candidates: candidates.length,
      });
      return;
    }
    const session = await this.checkout.getSession(event.session_id);
    const [authentication] = candidates;
    if (!sameRequest(authentication, session)) return;
    await this.sync.applySession(authentication, session, SOURCE);
  }
}

/** Checkout's own record of the session must match the request we sent, field by field. */
function sameRequest(authentication: AuthenticationEntity, session: CheckoutSession): boolean {
  return (
    session.reference === authentication.reference &&
    session.currency === authentication.currency &&
    (authentication.amount === null || session.amount === authentication.amount)
  );
}
