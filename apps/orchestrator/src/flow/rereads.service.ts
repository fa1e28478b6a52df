import { DomainError, recheckDeadlineOf, type ReadHint } from '@app/domain';
import {
  AuthenticationClaims,
  AuthenticationJobs,
  AuthenticationRepository,
  recheckJob,
  type AuthenticationEntity,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { SessionSync } from './session-sync.service.js';

/** The shortest cadence of re-reads waiting for the RReq after a CRes. */
const MIN_RREQ_RECHECK_MS = 500;

/**
 * Re-reads for outside inputs (docs/design.md#the-provider-is-the-truth): at most one per cooldown
 * per authentication, and for browsers' and apps' posts, which anyone can send, at most
 * REREAD_BUDGET per authentication ever, counted in the same conditional UPDATE that claims the
 * read. An input inside the cooldown is not lost: the deadline is brought forward to its end.
 */
@Injectable()
export class Rereads {
  private readonly logger = new Logger(Rereads.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly authenticationJobs: AuthenticationJobs,
    private readonly claims: AuthenticationClaims,
    private readonly sync: SessionSync,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  /**
   * Re-reads the session for an input from `source`; `budgeted`: the input spends the
   * authentication's REREAD_BUDGET (all but the provider's token-authenticated callback). False:
   * nothing was read or scheduled. `hint`: what the read should tell the provider.
   */
  async reread(
    authentication: AuthenticationEntity,
    source: string,
    { budgeted, hint }: { readonly budgeted: boolean; readonly hint?: ReadHint },
  ): Promise<boolean> {
    const cooldownMs = this.config.rereadCooldownMs;
    const budget = budgeted ? this.config.rereadBudget : undefined;
    switch (await this.claims.claimRead(authentication.id, { cooldownMs, budget })) {
      case 'claimed':
        await this.refreshQuietly(authentication, source, hint);
        return true;
      case 'cooling_down':
        await this.authenticationJobs.enqueueWhileUnchanged(
          authentication.id,
          authentication.version,
          recheckJob(authentication.id, 1, cooldownMs, {
            notified: budgeted,
            challengeTransStatus: hint?.challengeTransStatus,
          }),
        );
        return true;
      case 'budget_spent':
        return false;
    }
  }

  /**
   * The ACS sends the RReq around when it posts the CRes, in no set order
   * (docs/design.md#the-provider-is-the-truth). If the session still waits on the challenge, the result is
   * seconds away: re-read soon and keep a short cadence, not the challenge window's deadline,
   * each re-read with the CRes's `hint`.
   */
  async awaitChallengeResult(id: string, hint?: ReadHint): Promise<void> {
    const after = await this.repository.findById(id);
    if (!after || recheckDeadlineOf(after.state) !== 'challenge') return;
    const soonMs = Math.max(this.config.rereadCooldownMs, MIN_RREQ_RECHECK_MS);
    await this.authenticationJobs.enqueueWhileUnchanged(
      id,
      after.version,
      recheckJob(id, 1, soonMs, {
        baseMs: soonMs,
        notified: true,
        challengeTransStatus: hint?.challengeTransStatus,
      }),
    );
  }

  /** A failed re-read is logged, not thrown: the sender gets its 2xx and others converge. */
  private async refreshQuietly(
    authentication: AuthenticationEntity,
    source: string,
    hint: ReadHint | undefined,
  ) {
    try {
      await this.sync.refresh(authentication, source, { hint });
    } catch (error) {
      this.logger.warn({
        msg: 'session re-read failed',
        id: authentication.id,
        source,
        code: error instanceof DomainError ? error.code : 'UNEXPECTED',
      });
    }
  }
}
