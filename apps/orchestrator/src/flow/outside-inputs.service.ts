import { allows, AuthenticationNotFoundError, DomainError } from '@app/domain';
import { AuthenticationRepository, type AuthenticationEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SecretBox } from '../security/secret-box.js';
import { providerWord } from './provider-words.js';
import { HOSTED_RETURN_PAGES } from './return-urls.js';
import { Rereads } from './rereads.service.js';
import { SessionUpdates } from './session-updates.service.js';
import type {
  AppChallengeReport,
  CallbackDisposition,
  CallbackSignal,
  ChallengeAnswer,
  ChallengeNotificationSignal,
  HostedReturnSignal,
  MethodNotificationSignal,
} from './signals.js';

/** Timeline source of the app's report that its 3DS SDK finished the challenge. */
const APP_CHALLENGE_RESULT_SOURCE = 'app_challenge_result';

/** Distinct genuine inputs kept per authentication (a CRes, a callback); refusals keep one. */
const ACCEPTED_ROWS = 3;

const inputHash = (input: unknown): string =>
  createHash('sha256')
    .update(Buffer.isBuffer(input) ? input : JSON.stringify(input ?? null))
    .digest('base64url');

/**
 * Inputs from outside the API, handed over as signals: the provider's callback and the
 * cardholder's browser coming back from the issuer's or the provider's pages. Anyone can post to
 * them, so they cost nothing to abuse: a post must carry what the issuer's page would (matched to
 * the authentication's transaction ids), each distinct input is recorded once, a final
 * authentication is never re-read, and re-reads are limited (Rereads). Their bodies are hints
 * only; the truth is always re-read from the provider.
 */
@Injectable()
export class OutsideInputs {
  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly updates: SessionUpdates,
    private readonly rereads: Rereads,
    private readonly secrets: SecretBox,
  ) {}

  /** The provider's POST to our callback URL: the token in the URL authenticates it. */
  async callbackReceived(signal: CallbackSignal): Promise<CallbackDisposition> {
    const source = providerWord(signal.provider, 'callback');
    const found = await this.repository.recordCallback(
      signal.authenticationId,
      this.secrets.urlTokenHash(signal.token),
      { event: 'callback_received', source, detail: { hinted_status: signal.hintedStatus } },
      inputHash(signal.body),
    );
    if (!found.matched) return 'refused';
    // Results are final once read (with OAuth, before `complete` was sent): nothing to re-read.
    if (allows(found.state, 'reread_session')) {
      const authentication = await this.repository.findById(signal.authenticationId);
      // Token-authenticated: its re-reads spend no REREAD_BUDGET.
      if (authentication) await this.rereads.reread(authentication, source, { budgeted: false });
    }
    return found.recorded ? 'accepted' : 'duplicate';
  }

  /**
   * The cardholder's browser back from the provider's hosted page. The token in the URL admits
   * it; the session re-read decides. Answers the authentication as it then is, for the browser's
   * next page.
   */
  async hostedReturned(signal: HostedReturnSignal): Promise<AuthenticationEntity> {
    const { authenticationId: id, page } = signal;
    const known = (HOSTED_RETURN_PAGES as readonly string[]).includes(page);
    const authentication = known ? await this.repository.findById(id) : null;
    if (!authentication?.hosted) throw new AuthenticationNotFoundError(id);
    const found = await this.repository.recordCallback(
      id,
      this.secrets.urlTokenHash(signal.token),
      { event: 'hosted_return_received', source: 'hosted_return', detail: { page } },
      inputHash(page),
      ACCEPTED_ROWS,
    );
    if (!found.matched) throw new AuthenticationNotFoundError(id);
    if (allows(found.state, 'reread_session')) {
      await this.rereads.reread(authentication, 'hosted_return', { budgeted: true });
    }
    return (await this.repository.findById(id))!;
  }

  /** The issuer's 3DS Method page posted back: fingerprinting completed (threeDSCompInd Y). */
  async methodNotified(signal: MethodNotificationSignal): Promise<void> {
    const id = signal.authenticationId;
    const authentication = await this.repository.findById(id);
    if (!authentication) return;
    const input = inputHash(signal.input);
    const record = async (event: string, detail = {}): Promise<void> => {
      await this.repository.recordInputOnce(
        id,
        { event, source: 'method_notification', detail },
        input,
      );
    };
    const transactionId = signal.serverTransactionId;
    if (!transactionId || transactionId !== authentication.result?.three_ds_server_transaction_id) {
      return record('method_notification_rejected');
    }
    if (!allows(authentication.state, 'report_issuer_fingerprint')) {
      return record('method_notification_late', { state: authentication.state });
    }
    // The browser only needs a page back; a lost race with the API (which reported first) or a
    // provider failure is recorded, and the other triggers carry the flow on.
    await this.updates
      .fingerprint(authentication, 'Y', 'method_notification')
      .catch((error: unknown) =>
        record('method_notification_failed', {
          code: error instanceof DomainError ? error.code : 'UNEXPECTED',
        }),
      );
  }

  /** The ACS posted the CRes (or, for 3DS1, the provider's TermUrl the PaRes) back to us. */
  async challengeAnswered(signal: ChallengeNotificationSignal): Promise<void> {
    const id = signal.authenticationId;
    const authentication = await this.repository.findById(id);
    if (!authentication) return;
    const accepted = answerMatches(authentication, signal.answer);
    await this.repository.recordInputOnce(
      id,
      {
        event: accepted ? 'challenge_notification_received' : 'challenge_notification_rejected',
        source: 'challenge_notification',
      },
      inputHash(signal.input),
      accepted ? ACCEPTED_ROWS : 1,
    );
    if (accepted && allows(authentication.state, 'reread_session')) {
      const hint =
        signal.answer.kind === 'cres' && signal.answer.transStatus
          ? { challengeTransStatus: signal.answer.transStatus }
          : undefined;
      const read = await this.rereads.reread(authentication, 'challenge_notification', {
        budgeted: true,
        hint,
      });
      if (read) await this.rereads.awaitChallengeResult(id, hint);
    }
  }

  /**
   * The app's 3DS SDK finished its challenge (reported through the team's backend). Recorded with
   * what the SDK said; like the CRes it is only a signal to re-read the session.
   */
  async appChallengeReported(
    authentication: AuthenticationEntity,
    report: AppChallengeReport,
  ): Promise<void> {
    await this.repository.recordInputOnce(
      authentication.id,
      {
        event: 'app_challenge_result_received',
        source: APP_CHALLENGE_RESULT_SOURCE,
        detail: { event: report.event ?? 'completed', trans_status: report.trans_status ?? null },
      },
      inputHash(report),
      ACCEPTED_ROWS,
    );
    // The SDK's CRes, like the browser's, can come before the ACS's RReq. A cancelled or timed-out
    // challenge is read the same way: the provider says whether it is abandoned, not the SDK.
    if (
      allows(authentication.state, 'reread_session') &&
      (await this.rereads.reread(authentication, APP_CHALLENGE_RESULT_SOURCE, { budgeted: true }))
    ) {
      await this.rereads.awaitChallengeResult(authentication.id);
    }
  }
}

/**
 * Whether the ACS's post is the answer for this authentication: an EMV CRes whose transaction ids
 * are ours, or for 3DS1 a PaRes with the `MD` the provider gave (its session id).
 */
function answerMatches(authentication: AuthenticationEntity, answer: ChallengeAnswer): boolean {
  const result = authentication.result;
  switch (answer.kind) {
    case 'cres':
      return (
        !!result?.three_ds_server_transaction_id &&
        answer.serverTransactionId === result.three_ds_server_transaction_id &&
        (!result.acs_transaction_id || answer.acsTransactionId === result.acs_transaction_id)
      );
    case 'pares':
      return (
        !!authentication.providerSessionId &&
        answer.merchantData === authentication.providerSessionId
      );
    case 'none':
      return false;
  }
}
