import {
  AlreadySteppedUpError,
  cardNumberOf,
  INITIAL_STATE,
  InitialSessionNotFoundError,
  maskedParts,
  ThreeDsProviders,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  type DataQuality,
  type ExemptionDecision,
  type ProviderReturnUrls,
  type RoutingRecord,
  type SessionRequest,
} from '@app/domain';
import {
  AuthenticationRepository,
  isDatabaseUnavailable,
  type AuthenticationEntity,
  type NewAuthentication,
} from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { Failpoints } from '../common/failpoints.js';
import { newId } from '../common/ids.js';
import { OutageRetries } from '../common/outage-retries.js';
import { AuthenticationMetrics } from '../metrics/authentication.metrics.js';
import { SecretBox } from '../security/secret-box.js';
import { AuthenticationTransitionsService } from './authentication-transitions.service.js';
import { CreateStrategy, exemptionDetail } from './create-strategy.js';
import { FollowupPlanner } from './followups.planner.js';
import { ProviderRouting, routingDetail } from './provider-routing.js';
import { providerWord } from './provider-words.js';
import { ReturnUrls } from './return-urls.js';
import { SessionSync } from './session-sync.service.js';
import type { Started, StartKey, StartOutcome, StepUpOf } from './start-outcome.js';

/**
 * Starting an authentication: recorded first (with its key and its creation deadline), then the
 * provider's session is opened and its answer applied. Every state change goes through the
 * transitions service.
 */
@Injectable()
export class AuthenticationStarts {
  private readonly logger = new Logger(AuthenticationStarts.name);

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly transitions: AuthenticationTransitionsService,
    private readonly providers: ThreeDsProviders,
    private readonly sync: SessionSync,
    private readonly urls: ReturnUrls,
    private readonly secrets: SecretBox,
    private readonly followups: FollowupPlanner,
    private readonly failpoints: Failpoints,
    private readonly metrics: AuthenticationMetrics,
    private readonly outageRetries: OutageRetries,
    private readonly strategy: CreateStrategy,
    private readonly routing: ProviderRouting,
  ) {}

  /** `stepUp`: the authentication this one steps up (docs/step-up.md), linked both ways. */
  async start(
    team: string,
    asked: SessionRequest,
    key?: StartKey,
    stepUp?: StepUpOf,
  ): Promise<StartOutcome> {
    const stepUpOf = stepUp?.original;
    const { request, exemption, dataQuality } = this.strategy.apply(team, asked);
    const id = newId('auth');
    const { provider, record } = await this.routing.route(team, request, id, key);
    const initialSessionId = asked.initial_transaction?.initial_session_id;
    if (initialSessionId) await this.assertOwnSession(team, provider.name, initialSessionId);
    const callbackToken = this.secrets.newUrlToken();
    const row = this.newRow(id, team, request, callbackToken.hash, {
      routing: record,
      exemption,
      dataQuality,
      steppedUpFrom: stepUpOf?.id ?? null,
    });
    const inserted = await this.repository.insert(
      row,
      {
        event: INITIAL_STATE,
        source: 'api',
        detail: {
          channel: request.channel,
          source_type: request.source.type,
          ...exemptionDetail(exemption),
          ...routingDetail(record),
          ...(stepUpOf && { stepped_up_from: stepUpOf.id }),
        },
      },
      this.followups.plan(null, row as AuthenticationEntity),
      key && { teamId: key.teamId, keyHash: key.keyHash, requestHash: key.requestHash },
      stepUp && {
        originalId: stepUp.original.id,
        entry: { event: 'stepped_up', source: 'api', detail: { stepped_up_to: row.id } },
        releaseNotice: stepUp.releaseNotice,
        released: stepUp.released,
      },
    );
    if (inserted === 'key_taken') return { type: 'key_taken' };
    if (inserted === 'already_stepped_up') {
      const original = await this.repository.findById(stepUpOf!.id);
      throw new AlreadySteppedUpError(stepUpOf!.id, original?.steppedUpTo ?? null);
    }
    try {
      return await this.openSession(inserted, request, callbackToken.token, key);
    } catch (error) {
      return { type: 'failed', error };
    }
  }

  private newRow(
    id: string,
    team: string,
    request: SessionRequest,
    callbackTokenHash: string,
    decided: {
      routing: RoutingRecord;
      exemption: ExemptionDecision;
      dataQuality: DataQuality;
      steppedUpFrom: string | null;
    },
  ) {
    const source = request.source;
    const pan = cardNumberOf(source);
    return {
      id,
      teamId: team,
      state: INITIAL_STATE,
      outcome: null,
      reference: request.reference,
      amount: request.amount ?? null,
      currency: request.currency,
      channel: request.channel,
      sourceType: source.type,
      cardBin: pan ? maskedParts(pan).bin : null,
      cardLast4: pan ? maskedParts(pan).last4 : null,
      cardFingerprint: pan ? this.secrets.cardFingerprint(pan) : null,
      scheme: null,
      provider: decided.routing.provider,
      routingDecision: decided.routing,
      providerSessionId: null,
      hosted: request.hosted ?? null,
      exemptionDecision: decided.exemption,
      dataQuality: decided.dataQuality,
      steppedUpFrom: decided.steppedUpFrom,
      steppedUpTo: null,
      callbackTokenHash,
      nextAction: null,
      result: null,
      cryptogramCiphertext: null,
      providerStateCiphertext: null,
      failureReason: null,
      providerReadAt: null,
      providerCallUntil: null,
      providerCallToken: null,
    } satisfies NewAuthentication;
  }

  /** After the insert: the provider's session, and the move its answer implies. */
  private async openSession(
    inserted: AuthenticationEntity,
    request: SessionRequest,
    callbackToken: string,
    key: StartKey | undefined,
  ): Promise<StartOutcome> {
    const id = inserted.id;
    this.metrics.authenticationStarted(inserted);
    const created = await this.createProviderSession(
      inserted,
      request,
      this.urls.forSession(id, callbackToken, inserted.provider),
    );
    this.failpoints.hit('sessionCreated');
    if (!created) {
      const authentication = (await this.repository.findById(id))!;
      return { type: 'started', authentication, sessionCreated: false, answerKept: false };
    }
    const started = (authentication: AuthenticationEntity): Started => ({
      authentication,
      sessionCreated: true,
      sdkSessionSecret: created.sdkSessionSecret,
    });
    const move = () =>
      this.sync.move(inserted, created.snapshot, 'api', {
        answer: key
          ? (after) => ({
              teamId: key.teamId,
              keyHash: key.keyHash,
              ...key.answerFor(started(after)),
            })
          : undefined,
      });
    const outcome = await move().catch((error: unknown) => {
      // The provider holds the session, and only this process knows it: recorded once the
      // database is back, a retry with the same key then resumes it
      // (docs/design.md#database-outages).
      if (isDatabaseUnavailable(error)) this.outageRetries.keepTrying(`create ${id}`, move);
      throw error;
    });
    this.failpoints.hit('beforeCreateAnswer');
    return {
      type: 'started',
      ...started(outcome?.authentication ?? inserted),
      answerKept: !!key && !!outcome?.moved,
    };
  }

  /**
   * A 3RI links to an earlier session of the same team: another team's is answered like an
   * unknown one, with the same single lookup, so the answer reveals nothing across teams.
   */
  private async assertOwnSession(team: string, provider: string, sessionId: string) {
    const earlier = await this.repository.findByProviderSession(provider, sessionId);
    if (earlier?.teamId !== team) throw new InitialSessionNotFoundError();
  }

  private async createProviderSession(
    authentication: AuthenticationEntity,
    request: SessionRequest,
    urls: ProviderReturnUrls,
  ) {
    const provider = this.providers.of(authentication.provider);
    const create = () =>
      provider.createSession(
        authentication.teamId,
        request,
        urls,
        this.sync.contextOf(authentication),
      );
    try {
      return await create().catch((error: unknown) => {
        // A provider whose create is idempotent (keyed by our id) answers a re-sent one with the
        // first attempt's session: one more try, while the card is still in memory.
        const resend =
          provider.capabilities.idempotentCreate &&
          provider.failureOf(error)?.class === 'outcome_unknown';
        if (!resend) throw error;
        this.logger.warn({ msg: 'create answer lost; re-sent', id: authentication.id });
        // Only a definite answer settles it: a re-send refused by the breaker, busy or lost
        // says nothing of the first, which may have created the session.
        return create().catch((again: unknown) => {
          const definite = ['rejected', 'not_found'].includes(
            provider.failureOf(again)?.class ?? 'unknown',
          );
          throw definite ? again : error;
        });
      });
    } catch (error) {
      await this.creationFailed(authentication, error);
      return null;
    }
  }

  /**
   * Records why no session exists and rethrows, except for "not enrolled", which is a result.
   * A create is never retried blindly: a provider may offer no idempotency for it
   * (docs/design.md#idempotency).
   */
  private async creationFailed(authentication: AuthenticationEntity, error: unknown) {
    const { id, provider } = authentication;
    const failure = this.providers.of(provider).failureOf(error);
    if (failure?.class === 'outcome_unknown') {
      // The creation deadline may have got there first: either way the outcome is unknown.
      await this.transitions.applyIfLegal(
        id,
        { type: 'creation_timed_out' },
        { source: 'api', detail: { reason: (error as Error).message } },
      );
      throw new UpstreamOutcomeUnknownError(id);
    }
    if (error instanceof UpstreamRejectedRequestError) {
      const notEnrolled = failure?.class === 'rejected' && failure.cardNotEnrolled;
      await this.transitions.apply(
        id,
        { type: 'creation_rejected', outcome: notEnrolled ? 'unavailable' : 'error' },
        {
          source: 'api',
          columns: { failureReason: error.errorCodes.join(',') || error.errorType },
          detail: { error_type: error.errorType },
        },
      );
      if (notEnrolled) return;
      throw error;
    }
    const reason = providerWord(provider, failure?.class === 'busy' ? 'busy' : 'unavailable');
    await this.transitions.apply(id, { type: 'failed', reason }, { source: 'api' });
    throw error;
  }
}
