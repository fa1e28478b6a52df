import { allows, DomainError, ThreeDsProviders, type ProviderSnapshot } from '@app/domain';
import {
  AuthenticationRepository,
  JobQueue,
  providerEventJob,
  retryDelayMs,
  TASKS,
  WorkerTask,
  type AuthenticationEntity,
  type JobTask,
  type ProviderEventPayload,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { providerWord } from './provider-words.js';
import { SessionSync } from './session-sync.service.js';

/** How far our clock and the provider's may disagree about when a session was created. */
const CLOCK_SKEW_MS = 1_000;

/**
 * Acts on a provider event: re-reads the session it names (the read with the cryptogram) and
 * applies it. A session we never heard of is the answer to a create whose reply was lost: it is
 * linked to that authentication when exactly one matches what the provider says.
 */
@Injectable()
@WorkerTask('flow')
export class ProviderEventTask implements JobTask {
  readonly name = TASKS.providerEvent;
  private readonly logger = new Logger(ProviderEventTask.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly providers: ThreeDsProviders,
    private readonly sync: SessionSync,
    private readonly jobs: JobQueue,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async run(payload: unknown): Promise<void> {
    const event = payload as ProviderEventPayload;
    const attempt = event.attempt ?? 1;
    const provider = event.provider ?? this.providers.defaultName;
    try {
      const known = await this.repository.findByProviderSession(provider, event.session_id);
      if (known) {
        if (allows(known.state, 'reread_session')) {
          await this.sync.refresh(known, providerWord(provider, 'webhook'));
        }
        return;
      }
      await this.link(event, provider);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const backoff = {
        baseMs: this.config.recheckMs.session_lookup,
        capMs: this.config.recheckMaxIntervalMs,
      };
      this.logger.warn({
        msg: 'provider event follow-up failed',
        event_id: event.event_id,
        code: error.code,
        attempt,
      });
      const retry = { ...event, attempt: attempt + 1 };
      await this.jobs.add(providerEventJob(retry, retryDelayMs(backoff, attempt, error)));
    }
  }

  /**
   * Only an authentication created before the event, within a session lifetime of it, can own
   * the session; and only when it is the one such authentication (closed ones count too), so a
   * late or retried event can never hand one request's session to a newer one.
   */
  private async link(event: ProviderEventPayload, provider: string): Promise<void> {
    if (!event.reference || !event.currency) return;
    const eventAt = new Date(event.event_at).getTime();
    const matches = await this.repository.findSessionlessMatches({
      provider,
      reference: event.reference,
      currency: event.currency,
      amount: event.amount,
      window: {
        from: new Date(eventAt - this.config.sessionLifetimeMs),
        to: new Date(eventAt + CLOCK_SKEW_MS),
      },
    });
    const [authentication] = matches;
    if (matches.length !== 1 || !allows(authentication.state, 'link_session')) {
      this.logger.warn({
        msg: 'provider event names a session no authentication can own',
        event_id: event.event_id,
        candidates: matches.length,
      });
      return;
    }
    const snapshot = await this.providers
      .of(provider)
      .readSession(event.session_id, this.sync.contextOf(authentication));
    if (!sameRequest(authentication, snapshot)) return;
    await this.sync.applySnapshot(authentication, snapshot, providerWord(provider, 'webhook'));
  }
}

/** The provider's own record of the session must match the request we sent, field by field. */
function sameRequest(authentication: AuthenticationEntity, snapshot: ProviderSnapshot): boolean {
  const { recorded } = snapshot;
  return (
    recorded.reference === authentication.reference &&
    recorded.currency === authentication.currency &&
    (authentication.amount === null || recorded.amount === authentication.amount)
  );
}
