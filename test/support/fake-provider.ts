import {
  ThreeDsProvider,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
  type ChannelData,
  type CreatedProviderSession,
  type MethodCompletion,
  type NextAction,
  type Outcome,
  type ProviderCapabilities,
  type ProviderChannel,
  type ProviderFailure,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ProviderSnapshot,
  type ReadHint,
  type SessionRequest,
} from '@app/domain';
import { randomUUID } from 'node:crypto';
import {
  FAKE_CAPABILITIES,
  NOT_FOUND,
  scenarioByCard,
  type FakeScenario,
  type FakeSession,
  type HandedBack,
} from './fake-scenarios.js';

export { FAKE_CARDS, type FakeScenario, type HandedBack } from './fake-scenarios.js';

/**
 * A 3DS provider in memory, behind the port, for flow specs that need no HTTP: each create
 * follows the scenario given for it (`willAnswer`), else its card's (FAKE_CARDS), the spec plays
 * the cardholder (`passChallenge`), and every call is recorded (`calls`). Unreachable, every call
 * fails as a provider that does not answer. It keeps the port's contract
 * (test/e2e/providers/fake.contract.e2e-spec.ts).
 */
export class FakeProvider extends ThreeDsProvider {
  readonly name = 'fake';
  readonly channels: readonly ProviderChannel[] = ['browser', 'app', 'merchant_initiated'];
  /** Everything but Checkout's session id; a spec may declare less (`declare`), until `reset`. */
  capabilities: ProviderCapabilities = FAKE_CAPABILITIES;
  readonly updateWindow = { holdMs: 2_000, waitMs: 1_000 };
  readonly calls: { readonly method: string; readonly sessionId?: string }[] = [];
  /** Per call after the create, in order: what the flow handed back (HandedBack). */
  readonly handedBack: HandedBack[] = [];
  /** Sessions the fake opened, by id (a lost create opens one the flow never hears of). */
  readonly sessions = new Map<string, FakeSession>();
  /** Session ids by the authentication id a create was keyed with (an idempotent create's key). */
  private readonly keyedSessions = new Map<string, string>();
  private readonly scenarios: FakeScenario[] = [];

  constructor(private readonly reachable = true) {
    super();
  }

  /** A create re-sent with its key finds the provider down (until `reset`). */
  replaysUnavailable = false;

  /** Declares capabilities other than the fake's own, as another provider would, until `reset`. */
  declare(capabilities: Partial<ProviderCapabilities>): void {
    this.capabilities = { ...FAKE_CAPABILITIES, ...capabilities };
  }

  /** The next creates answer as these, in order; then frictionless results. */
  willAnswer(...scenarios: FakeScenario[]): void {
    this.scenarios.push(...scenarios);
  }

  /** Forgets every session, call and scenario (between specs). */
  reset(): void {
    this.calls.length = 0;
    this.handedBack.length = 0;
    this.capabilities = FAKE_CAPABILITIES;
    this.replaysUnavailable = false;
    this.sessions.clear();
    this.keyedSessions.clear();
    this.scenarios.length = 0;
  }

  /** The cardholder passes (or abandons) the challenge of a session. */
  passChallenge(sessionId: string, outcome: Outcome = 'authenticated'): void {
    const session = this.session(sessionId);
    session.event = { type: 'result_received', outcome, providerSessionId: sessionId };
    session.status = outcome;
  }

  /** The session opened for the authentication `reference` (its create may have been lost). */
  sessionFor(reference: string): FakeSession {
    const found = [...this.sessions.values()].find((one) => one.request.reference === reference);
    if (!found) throw new Error(`no fake session for ${reference}`);
    return found;
  }

  processingChannelsOf(): readonly string[] {
    return [];
  }

  createSession(
    _team: string,
    request: SessionRequest,
    urls: ProviderReturnUrls,
    context: ProviderSessionContext,
  ): Promise<CreatedProviderSession> {
    this.calls.push({ method: 'createSession' });
    if (!this.reachable) return this.answer(() => this.down());
    const replayed = this.capabilities.idempotentCreate
      ? this.sessions.get(this.keyedSessions.get(context.authenticationId) ?? '')
      : undefined;
    if (replayed && this.replaysUnavailable) return this.answer(() => this.down());
    if (replayed) return this.answer(() => ({ snapshot: this.snapshotOf(replayed, context) }));
    const scenario = this.scenarios.shift() ?? scenarioByCard(request);
    if (scenario.answer === 'refused') {
      return Promise.reject(
        new UpstreamRejectedRequestError('create session', 422, 'request_invalid', [
          ...scenario.codes,
        ]),
      );
    }
    const session = this.open(request, urls, scenario);
    this.keyedSessions.set(context.authenticationId, session.id);
    if (scenario.answer === 'lost') {
      return Promise.reject(new UpstreamOutcomeUnknownError(request.reference));
    }
    return Promise.resolve({ snapshot: this.snapshotOf(session, context) });
  }

  readSession(
    id: string,
    context: ProviderSessionContext,
    hint?: ReadHint,
  ): Promise<ProviderSnapshot> {
    this.calls.push({ method: 'readSession', sessionId: id });
    this.handedBack.push({ method: 'readSession', providerState: context.providerState, hint });
    return this.answer(() => this.snapshotOf(this.session(id), context));
  }

  submitChannelData(
    id: string,
    _data: ChannelData,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    this.calls.push({ method: 'submitChannelData', sessionId: id });
    this.handedBack.push({ method: 'submitChannelData', providerState: context.providerState });
    return this.answer(() => {
      const session = this.session(id);
      const { scenario } = session;
      session.awaitingInput = false;
      session.awaitingMethod = false;
      session.event =
        scenario.answer === 'method' || scenario.answer === 'result'
          ? { type: 'result_received', outcome: scenario.outcome }
          : { type: 'challenge_issued' };
      session.status = session.event.type === 'challenge_issued' ? 'challenged' : 'approved';
      return this.snapshotOf(session, context);
    });
  }

  reportMethodCompletion(
    id: string,
    _completion: MethodCompletion,
    context: ProviderSessionContext,
  ): Promise<ProviderSnapshot> {
    this.calls.push({ method: 'reportMethodCompletion', sessionId: id });
    this.handedBack.push({
      method: 'reportMethodCompletion',
      providerState: context.providerState,
    });
    return this.answer(() => {
      const session = this.session(id);
      session.awaitingMethod = false;
      session.event = { type: 'channel_data_required' };
      return this.snapshotOf(session, context);
    });
  }

  complete(id: string): Promise<void> {
    this.calls.push({ method: 'complete', sessionId: id });
    return this.answer(() => {
      this.session(id).completed = true;
    });
  }

  failureOf(error: unknown): ProviderFailure | null {
    if (error instanceof UpstreamOutcomeUnknownError) return { class: 'outcome_unknown' };
    if (error instanceof UpstreamUnavailableError) return { class: 'unavailable' };
    if (!(error instanceof UpstreamRejectedRequestError)) return null;
    if (error.status === NOT_FOUND) return { class: 'not_found' };
    return {
      class: 'rejected',
      providerCodes: error.errorCodes,
      cardNotEnrolled: error.errorCodes.includes('card_not_enrolled'),
      sessionMovedOn: false,
    };
  }

  private open(request: SessionRequest, urls: ProviderReturnUrls, scenario: FakeScenario) {
    const id = `fake_${randomUUID().replaceAll('-', '')}`;
    const waitsForMethod = scenario.answer === 'method';
    const outcome: Outcome | undefined =
      scenario.answer === 'result'
        ? scenario.outcome
        : scenario.answer === 'lost'
          ? 'authenticated'
          : undefined;
    const session: FakeSession = {
      id,
      transactionId: randomUUID(),
      request,
      urls,
      scenario,
      event: outcome
        ? { type: 'result_received', outcome, providerSessionId: id }
        : waitsForMethod
          ? { type: 'fingerprint_required', providerSessionId: id }
          : { type: 'challenge_issued', providerSessionId: id },
      status: outcome ? 'approved' : 'pending',
      awaitingMethod: waitsForMethod,
      awaitingInput: waitsForMethod,
      completed: false,
      answers: 0,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** What a provider that does not answer amounts to. */
  private down(): never {
    throw new UpstreamUnavailableError('fake session', 'ECONNREFUSED');
  }

  private session(id: string): FakeSession {
    if (!this.reachable) this.down();
    const session = this.sessions.get(id);
    if (!session) {
      throw new UpstreamRejectedRequestError('fake session', NOT_FOUND, 'not_found', []);
    }
    return session;
  }

  /** Answers like a provider over the wire: later, never within the caller's own turn. */
  private answer<T>(produce: () => T): Promise<T> {
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(produce());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
  }

  private snapshotOf(session: FakeSession, context: ProviderSessionContext): ProviderSnapshot {
    const event = session.event;
    const final = event?.type === 'result_received';
    session.answers += 1;
    return {
      providerSessionId: session.id,
      providerStatus: session.status,
      event,
      nextAction: this.nextActionOf(session, context),
      result: {
        checkout_status: session.status,
        protocol_version: '2.2.0',
        three_ds_server_transaction_id: session.transactionId,
        ...(final ? { eci: '05', response_code: 'Y' } : {}),
      },
      ...(final ? { cryptogram: 'AAECAwQFBgcICQoLDA0ODxAREhM=' } : {}),
      awaitingInput: session.awaitingInput,
      awaitingMethodCompletion: session.awaitingMethod,
      completed: session.completed,
      completable: final && !session.completed,
      // As a provider without a read of a session in progress would: a bearer to keep sealed.
      providerState: { answers: session.answers, bearer: `fake-bearer-${session.id}` },
      recorded: {
        reference: session.request.reference,
        currency: session.request.currency,
        amount: session.request.amount,
      },
    };
  }

  private nextActionOf(session: FakeSession, context: ProviderSessionContext): NextAction | null {
    if (session.awaitingMethod) {
      return {
        type: 'three_ds_method',
        method_url: 'https://acs.fake.example/method',
        three_ds_method_data: 'e30',
        notification_url: context.methodNotificationUrl,
        timeout_seconds: 10,
      };
    }
    if (session.awaitingInput && context.channel !== 'app') {
      return { type: 'collect_channel_data', channel: context.channel };
    }
    if (session.event?.type === 'challenge_issued') {
      // The CReq names the session: `passChallenge(creq)` plays the cardholder.
      return {
        type: 'challenge',
        channel: 'browser',
        acs_url: 'https://acs.fake.example/challenge',
        creq: session.id,
      };
    }
    return null;
  }
}
