import {
  allows,
  AuthenticationNotFoundError,
  CallbackTokenInvalidError,
  DomainError,
  recheckDeadlineOf,
} from '@app/domain';
import {
  AuthenticationClaims,
  AuthenticationJobs,
  AuthenticationRepository,
  type AuthenticationEntity,
  recheckJob,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CheckoutSync, HOSTED_RETURN_PAGES } from '../authentications/checkout-sync.service.js';
import { SessionUpdates } from '../authentications/session-updates.service.js';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { isAuthenticationId } from '../http/id.pipe.js';
import { InboundMetrics } from '../metrics/inbound.metrics.js';
import { SecretBox } from '../security/secret-box.js';
import { hostedReturnLocation } from './hosted-return.js';
import { challengeAnswerMatches, methodTransactionId } from './issuer-posts.js';

/** Statuses a callback body may hint at; anything else is recorded as `other`. */
const KNOWN_STATUSES = [
  'approved',
  'attempted',
  'declined',
  'rejected',
  'unavailable',
  'challenge_abandoned',
  'expired',
];

/** Timeline source of the app's report that its 3DS SDK finished the challenge. */
const APP_CHALLENGE_RESULT_SOURCE = 'app_challenge_result';

/** The shortest cadence of re-reads waiting for the RReq after a CRes. */
const MIN_RREQ_RECHECK_MS = 500;

/**
 * Timeline source of Checkout's callback, the one outside input whose re-reads spend no
 * REREAD_BUDGET: its URL token authenticates it, where browsers' and apps' posts are anyone's.
 */
const CALLBACK_SOURCE = 'checkout_callback';

/** Distinct genuine inputs kept per authentication (a CRes, a callback); refusals keep one. */
const ACCEPTED_ROWS = 3;

const inputHash = (input: unknown): string =>
  createHash('sha256')
    .update(Buffer.isBuffer(input) ? input : JSON.stringify(input ?? null))
    .digest('base64url');

/**
 * Inputs from outside the API: Checkout's callback and the cardholder's browser coming back from
 * the issuer's pages. Anyone can post to them, so they cost nothing to abuse: a post must carry
 * what the issuer's page would (matched to the authentication's transaction ids), each distinct
 * input is recorded once, a final authentication is never re-read, and re-reads are at most one
 * per cooldown and, for browsers' and apps' posts, REREAD_BUDGET per authentication ever. Their
 * bodies are hints only; the truth is always re-read from Checkout.
 */
@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly authenticationJobs: AuthenticationJobs,
    private readonly claims: AuthenticationClaims,
    private readonly updates: SessionUpdates,
    private readonly sync: CheckoutSync,
    private readonly secrets: SecretBox,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
    private readonly metrics: InboundMetrics,
  ) {}

  /** Checkout's POST to callback_url: the token in the URL authenticates it (no signature exists). */
  async callback(id: string, token: string, body: unknown, rawBody: Buffer): Promise<void> {
    const hinted = (body as { status?: unknown } | undefined)?.status;
    const hintedStatus =
      typeof hinted === 'string' && KNOWN_STATUSES.includes(hinted) ? hinted : 'other';
    const found = isAuthenticationId(id)
      ? await this.repository.recordCallback(
          id,
          this.secrets.urlTokenHash(token),
          {
            event: 'callback_received',
            source: CALLBACK_SOURCE,
            detail: { hinted_status: hintedStatus },
          },
          inputHash(rawBody),
        )
      : { matched: false as const };
    if (!found.matched) {
      this.metrics.callbackReceived('refused');
      throw new CallbackTokenInvalidError();
    }
    this.metrics.callbackReceived(found.recorded ? 'accepted' : 'duplicate');
    // Results are final once read (with OAuth, before `complete` was sent): nothing to re-read.
    if (!allows(found.state, 'reread_session')) return;
    const authentication = await this.repository.findById(id);
    if (authentication) await this.reread(authentication, CALLBACK_SOURCE);
  }

  /**
   * The cardholder's browser back from Checkout's hosted page (`page`: which of our URLs it
   * chose). The token in the URL admits it; the session re-read decides. Answers where the
   * browser goes next.
   */
  async hostedReturn(id: string, token: string, page: string): Promise<string> {
    const known = (HOSTED_RETURN_PAGES as readonly string[]).includes(page);
    const authentication = known ? await this.repository.findById(id) : null;
    if (!authentication?.hosted) throw new AuthenticationNotFoundError(id);
    const found = await this.repository.recordCallback(
      id,
      this.secrets.urlTokenHash(token),
      { event: 'hosted_return_received', source: 'hosted_return', detail: { page } },
      inputHash(page),
      ACCEPTED_ROWS,
    );
    if (!found.matched) throw new AuthenticationNotFoundError(id);
    if (allows(found.state, 'reread_session')) await this.reread(authentication, 'hosted_return');
    return hostedReturnLocation((await this.repository.findById(id))!);
  }

  /** The issuer's 3DS Method page posted back: fingerprinting completed (threeDSCompInd Y). */
  async methodNotification(id: string, threeDsMethodData: unknown): Promise<void> {
    const authentication = await this.repository.findById(id);
    if (!authentication) return;
    const input = inputHash(threeDsMethodData);
    const record = async (event: string, detail = {}): Promise<void> => {
      await this.repository.recordInputOnce(
        id,
        { event, source: 'method_notification', detail },
        input,
      );
    };
    const transactionId = methodTransactionId(threeDsMethodData);
    if (!transactionId || transactionId !== authentication.result?.three_ds_server_transaction_id) {
      return record('method_notification_rejected');
    }
    if (!allows(authentication.state, 'report_issuer_fingerprint')) {
      return record('method_notification_late', { state: authentication.state });
    }
    // The browser only needs a page back; a lost race with the API (which reported first) or a
    // Checkout failure is recorded, and the other triggers carry the flow on.
    await this.updates
      .fingerprint(authentication, 'Y', 'method_notification')
      .catch((error: unknown) =>
        record('method_notification_failed', {
          code: error instanceof DomainError ? error.code : 'UNEXPECTED',
        }),
      );
  }

  /** The ACS posted the CRes (or, for 3DS1, Checkout's TermUrl the PaRes) back to us. */
  async challengeNotification(id: string, form: Record<string, unknown>): Promise<void> {
    const authentication = await this.repository.findById(id);
    if (!authentication) return;
    const accepted = challengeAnswerMatches(authentication, form);
    await this.repository.recordInputOnce(
      id,
      {
        event: accepted ? 'challenge_notification_received' : 'challenge_notification_rejected',
        source: 'challenge_notification',
      },
      inputHash(form),
      accepted ? ACCEPTED_ROWS : 1,
    );
    if (accepted && allows(authentication.state, 'reread_session')) {
      if (await this.reread(authentication, 'challenge_notification')) {
        await this.awaitRreq(id);
      }
    }
  }

  /**
   * The app's 3DS SDK finished its challenge (reported through the team's backend). Recorded with
   * what the SDK said; like the CRes it is only a signal to re-read the session.
   */
  async appChallengeResult(
    authentication: AuthenticationEntity,
    report: { trans_status: string; sdk_transaction_id?: string },
  ): Promise<void> {
    await this.repository.recordInputOnce(
      authentication.id,
      {
        event: 'app_challenge_result_received',
        source: APP_CHALLENGE_RESULT_SOURCE,
        detail: { trans_status: report.trans_status },
      },
      inputHash(report),
      ACCEPTED_ROWS,
    );
    // The SDK's CRes, like the browser's, can come before the ACS's RReq.
    if (
      allows(authentication.state, 'reread_session') &&
      (await this.reread(authentication, APP_CHALLENGE_RESULT_SOURCE))
    ) {
      await this.awaitRreq(authentication.id);
    }
  }

  /**
   * The ACS sends the RReq around when it posts the CRes, in no set order
   * (docs/checkout-sessions.md#challenge). If Checkout still says `challenged`, the result is
   * seconds away: re-read soon and keep a short cadence, not the challenge window's deadline.
   */
  private async awaitRreq(id: string): Promise<void> {
    const after = await this.repository.findById(id);
    // Still waiting on the challenge (the RReq), not moved on meanwhile.
    if (!after || recheckDeadlineOf(after.state) !== 'challenge') return;
    const soonMs = Math.max(this.config.rereadCooldownMs, MIN_RREQ_RECHECK_MS);
    await this.authenticationJobs.enqueueWhileUnchanged(
      id,
      after.version,
      recheckJob(id, 1, soonMs, { baseMs: soonMs, notified: true }),
    );
  }

  /**
   * Re-reads the session for an outside input, at most once per cooldown per authentication.
   * One that comes during the cooldown is not lost: the authentication's deadline is brought
   * forward to the cooldown's end. Browser and app notifications cause at most REREAD_BUDGET
   * re-reads per authentication, however they come (at once, deferred, or waiting for the
   * RReq); once it is spent they cause none. False: nothing was read or scheduled.
   */
  private async reread(authentication: AuthenticationEntity, source: string): Promise<boolean> {
    const cooldownMs = this.config.rereadCooldownMs;
    const budgeted = source !== CALLBACK_SOURCE;
    const budget = budgeted ? this.config.rereadBudget : undefined;
    switch (await this.claims.claimRead(authentication.id, { cooldownMs, budget })) {
      case 'claimed':
        await this.refreshQuietly(authentication, source);
        return true;
      case 'cooling_down':
        await this.authenticationJobs.enqueueWhileUnchanged(
          authentication.id,
          authentication.version,
          recheckJob(authentication.id, 1, cooldownMs, { notified: budgeted }),
        );
        return true;
      case 'budget_spent':
        return false;
    }
  }

  /** A failed re-read is logged, not thrown: the sender gets its 2xx and others converge. */
  private async refreshQuietly(authentication: AuthenticationEntity, source: string) {
    try {
      await this.sync.refresh(authentication, source);
    } catch (error) {
      this.logger.warn({
        msg: 'checkout re-read failed',
        id: authentication.id,
        source,
        code: error instanceof DomainError ? error.code : 'UNEXPECTED',
      });
    }
  }
}
