import { accepts, DomainError, effectsOf, ThreeDsProviders } from '@app/domain';
import {
  AuthenticationJobs,
  AuthenticationRepository,
  completeSessionJob,
  payloadOf,
  retryDelayMs,
  TASKS,
  WorkerTask,
  type AuthenticationEntity,
  type JobTask,
} from '@app/persistence';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { providerWord } from './provider-words.js';
import { SessionSync } from './session-sync.service.js';

/** How long shutdown waits for `complete` calls in flight (their leases cover the rest). */
const DRAIN_MS = 5_000;

/**
 * The provider's `complete` for a result we hold: it answers only once our callback URL accepted
 * its post, so the answer confirms completion. Sent at once by the process
 * that moved the row to `result_ready`; the lease written with that move runs it only if this
 * process died first. Failures are retried with backoff (honouring Retry-After); after the last
 * attempt the result stays `result_ready`, which is final for the team.
 */
@Injectable()
@WorkerTask('flow')
export class CompleteSessionTask implements JobTask, OnModuleDestroy {
  readonly name = TASKS.completeSession;
  private readonly logger = new Logger(CompleteSessionTask.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly providers: ThreeDsProviders,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly sync: SessionSync,
    private readonly authenticationJobs: AuthenticationJobs,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {
    transitions.onMoved((before, after) => {
      const effects = effectsOf(before.state, after.state);
      if (effects.some((effect) => effect.type === 'complete_session')) this.soon(after);
    });
  }

  async run(payload: unknown): Promise<void> {
    const { authentication_id: id, attempt } = payloadOf(payload);
    const authentication = await this.repository.findById(id);
    if (authentication) await this.attempt(authentication, attempt);
  }

  /** Stops waiting for calls in flight after DRAIN_MS: a lease completes what is left. */
  async onModuleDestroy(): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    await Promise.race([Promise.all(this.inFlight), timeout]);
  }

  /** The first attempt, without waiting: the row was just written, so it is not read again. */
  private soon(authentication: AuthenticationEntity): void {
    const call = this.attempt(authentication, 1)
      .catch((error: unknown) =>
        this.logger.warn({
          msg: 'complete failed',
          id: authentication.id,
          error: String(error),
        }),
      )
      .finally(() => this.inFlight.delete(call));
    this.inFlight.add(call);
  }

  private async attempt(authentication: AuthenticationEntity, attempt: number): Promise<void> {
    if (!accepts(authentication.state, 'completion_confirmed')) return;
    if (!authentication.providerSessionId) return;
    const id = authentication.id;
    try {
      await this.providers.of(authentication.provider).complete(authentication.providerSessionId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.failed(authentication, attempt, error);
    }
    await this.transitions.applyIfLegal(
      id,
      { type: 'completion_confirmed' },
      { source: sourceOf(authentication), current: authentication },
    );
  }

  private async failed(
    authentication: AuthenticationEntity,
    attempt: number,
    error: DomainError,
  ): Promise<void> {
    const id = authentication.id;
    // Refused: perhaps an earlier attempt went through after all (the session says `completed`),
    // or the session can no longer be completed (an abandoned challenge, an expired session):
    // the re-read settles either, so the authentication is not left waiting on retries.
    const source = sourceOf(authentication);
    const failure = this.providers.of(authentication.provider).failureOf(error);
    if (failure?.class === 'rejected' || failure?.class === 'not_found') {
      const completeRefused = failure.class === 'rejected' && failure.sessionMovedOn;
      const current = await this.sync
        .refresh(authentication, source, { completeRefused })
        .catch(() => authentication);
      if (!accepts(current.state, 'completion_confirmed')) return;
    }
    const last = attempt >= this.config.complete.maxAttempts;
    this.logger.warn({ msg: 'complete failed', id, code: error.code, attempt, last });
    await this.repository.recordInput(id, {
      event: last ? 'complete_abandoned' : 'complete_failed',
      source,
      detail: { code: error.code, reason: error.message, attempt },
    });
    if (last) return;
    const delayMs = retryDelayMs(this.config.complete.backoff, attempt, error);
    await this.authenticationJobs.schedule(id, completeSessionJob(id, attempt + 1, delayMs));
  }
}

/** Timeline source of the moves and failures `complete` brings. */
const sourceOf = (authentication: AuthenticationEntity): string =>
  providerWord(authentication.provider, 'complete');
