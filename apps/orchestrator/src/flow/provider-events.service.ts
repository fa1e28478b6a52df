import { allows } from '@app/domain';
import {
  AuthenticationRepository,
  ProviderEventInbox,
  providerEventJob,
  type JobSpec,
} from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import type { ProviderEventSignal } from './signals.js';

/**
 * A provider event (a webhook) is a hint, never the truth: kept once per event id in the inbox
 * with the job that acts on it (ProviderEventTask, which re-reads the session), committed together.
 */
@Injectable()
export class ProviderEvents {
  constructor(
    private readonly inbox: ProviderEventInbox,
    private readonly repository: AuthenticationRepository,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  /** `duplicate`: this event was received before (a retry), and nothing more is done. */
  async received(signal: ProviderEventSignal): Promise<'accepted' | 'duplicate'> {
    const fresh = await this.inbox.receive(
      {
        provider: signal.provider,
        id: signal.eventId,
        type: signal.type,
        providerSessionId: signal.providerSessionId,
      },
      await this.followup(signal),
    );
    return fresh ? 'accepted' : 'duplicate';
  }

  /**
   * The job that acts on it, if any. A session we know that is already final, or an event that
   * tells nothing new, needs none. One we do not know may belong to a create still waiting on the
   * provider's answer, so it is looked at once that create's own deadline has passed.
   */
  private async followup(signal: ProviderEventSignal): Promise<JobSpec | undefined> {
    const known = await this.repository.findByProviderSession(
      signal.provider,
      signal.providerSessionId,
    );
    if (known && (!allows(known.state, 'reread_session') || !signal.tellsNews)) return undefined;
    const payload = {
      provider: signal.provider,
      event_id: signal.eventId,
      type: signal.type,
      session_id: signal.providerSessionId,
      reference: signal.reference,
      amount: signal.amount,
      currency: signal.currency,
      event_at: signal.occurredAt.toISOString(),
      attempt: 1,
    };
    return providerEventJob(payload, known ? 0 : this.config.recheckMs.creation);
  }
}
