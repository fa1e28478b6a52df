import {
  accepts,
  DomainError,
  recheckDeadlineOf,
  ThreeDsProviders,
  type AuthenticationEvent,
  type RecheckDeadline,
} from '@app/domain';
import {
  AuthenticationClaims,
  AuthenticationJobs,
  AuthenticationRepository,
  payloadOf,
  recheckJob,
  retryDelayMs,
  TASKS,
  WorkerTask,
  type AuthenticationEntity,
  type JobTask,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '../config/jobs.config.js';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { OrphanedFollowups } from './orphaned-followups.js';
import { providerWord } from './provider-words.js';
import { DEADLINE_SOURCE, SessionSync } from './session-sync.service.js';

/**
 * A waiting authentication's deadline passed: re-read its provider session and let the state
 * machine decide. Nothing new → the next re-read is scheduled further out (each authentication
 * owns its deadline, so none starves another). Without a session, only time can end it.
 */
@Injectable()
@WorkerTask('flow')
export class RecheckTask implements JobTask {
  readonly name = TASKS.recheck;
  private readonly logger = new Logger(RecheckTask.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly authenticationJobs: AuthenticationJobs,
    private readonly sync: SessionSync,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly providers: ThreeDsProviders,
    private readonly claims: AuthenticationClaims,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Inject(securityConfig.KEY) private readonly security: SecurityConfig,
    private readonly orphans: OrphanedFollowups,
  ) {}

  /** Authentications left without their deadline or `complete` get them, once jobs can be added. */
  async queueReady(): Promise<void> {
    await this.orphans.adopt();
  }

  async run(payload: unknown): Promise<void> {
    const {
      authentication_id: id,
      attempt,
      base_ms: baseMs,
      notified,
      challenge_trans_status: challengeTransStatus,
    } = payloadOf(payload);
    const chain = { baseMs, notified, challengeTransStatus };
    const authentication = await this.repository.findById(id);
    const deadline = authentication && recheckDeadlineOf(authentication.state);
    if (!authentication || !deadline) return;
    const ageMs = Date.now() - authentication.createdAt.getTime();
    if (!authentication.providerSessionId) {
      return this.withoutSession(authentication, deadline, attempt, ageMs);
    }
    if (notified && !(await this.withinBudget(authentication, deadline))) return;
    try {
      const hint = challengeTransStatus ? { challengeTransStatus } : undefined;
      const updated = await this.sync.refresh(authentication, DEADLINE_SOURCE, { hint });
      if (updated.version !== authentication.version) return; // moved: the new state set its own
      if (ageMs > this.config.giveUpAfterMs) {
        return this.fail(authentication, 'session_stalled');
      }
      await this.again(authentication, deadline, attempt, undefined, chain);
    } catch (error) {
      if (this.providers.of(authentication.provider).failureOf(error)?.class === 'not_found') {
        // The provider no longer knows the session: nothing can ever come of it.
        return this.fail(authentication, 'session_not_found');
      }
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ msg: 'deadline re-read failed', id, code: error.code, attempt });
      await this.again(authentication, deadline, attempt, error, chain);
    }
  }

  /**
   * A re-read a browser or app notification asked for spends the authentication's
   * REREAD_BUDGET. Once it is spent, the state's own deadline takes over from this chain;
   * provider events and the provider's callback still re-read as they come.
   */
  private async withinBudget(
    authentication: AuthenticationEntity,
    deadline: RecheckDeadline,
  ): Promise<boolean> {
    const claim = await this.claims.claimRead(authentication.id, {
      budget: this.security.rereadBudget,
    });
    if (claim === 'claimed') return true;
    await this.authenticationJobs.enqueueWhileUnchanged(
      authentication.id,
      authentication.version,
      recheckJob(authentication.id, 1, this.config.recheckMs[deadline]),
    );
    return false;
  }

  /**
   * `created` past its deadline: the creating request died mid-call (its own deadline is
   * shorter), so the provider's answer is unknown. Then only a provider event naming the session
   * can link it, until the provider's session lifetime has passed.
   */
  private async withoutSession(
    authentication: AuthenticationEntity,
    deadline: RecheckDeadline,
    attempt: number,
    ageMs: number,
  ): Promise<void> {
    if (accepts(authentication.state, 'creation_timed_out')) {
      return this.end(authentication, { type: 'creation_timed_out' });
    }
    if (ageMs > this.config.sessionLifetimeMs) {
      return this.fail(authentication, 'session_not_found');
    }
    await this.again(authentication, deadline, attempt);
  }

  private async end(authentication: AuthenticationEntity, event: AuthenticationEvent) {
    await this.transitions.applyIfLegal(authentication.id, event, { source: DEADLINE_SOURCE });
  }

  private fail(authentication: AuthenticationEntity, why: 'session_stalled' | 'session_not_found') {
    const reason = providerWord(authentication.provider, why);
    return this.end(authentication, { type: 'failed', reason });
  }

  private async again(
    authentication: AuthenticationEntity,
    deadline: RecheckDeadline,
    attempt: number,
    error?: unknown,
    chain: { baseMs?: number; notified?: boolean; challengeTransStatus?: string } = {},
  ): Promise<void> {
    const backoff = {
      baseMs: chain.baseMs ?? this.config.recheckMs[deadline],
      capMs: this.config.recheckMaxIntervalMs,
    };
    const delayMs = retryDelayMs(backoff, attempt + 1, error);
    await this.authenticationJobs.enqueueWhileUnchanged(
      authentication.id,
      authentication.version,
      recheckJob(authentication.id, attempt + 1, delayMs, chain),
    );
  }
}
