import {
  IllegalTransitionError,
  type ChannelData,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  type SessionRequest,
} from '@app/domain';
import { TASKS, type ProviderEventPayload } from '@app/persistence';
import { AuthenticationStarts } from '../../../apps/orchestrator/src/flow/authentication-starts.service.js';
import type { StartKey } from '../../../apps/orchestrator/src/flow/start-outcome.js';
import { OutsideInputs } from '../../../apps/orchestrator/src/flow/outside-inputs.service.js';
import { ProviderEventTask } from '../../../apps/orchestrator/src/flow/provider-event.task.js';
import { ProviderEvents } from '../../../apps/orchestrator/src/flow/provider-events.service.js';
import { SessionUpdates } from '../../../apps/orchestrator/src/flow/session-updates.service.js';
import { FAKE_CARDS } from '../../support/fake-provider.js';
import { startFlow, type FlowUnderTest } from '../../support/flow-under-test.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { waitUntil } from '../../support/wait-until.js';

const TEAM = 'team-flow';

const aRequest = (reference: string, extra: Partial<SessionRequest> = {}): SessionRequest =>
  ({
    source: { type: 'card', number: FAKE_CARDS.frictionless, expiry_month: 12, expiry_year: 2030 },
    amount: 1999,
    currency: 'EUR',
    reference,
    channel: 'browser',
    channel_data: aBrowserChannel(),
    ...extra,
  }) as SessionRequest;

/** The flow without HTTP: its services against PostgreSQL, a fake provider behind the port. */
describe('the flow on its own (e2e, fake provider)', () => {
  let sut: FlowUnderTest;
  let starts: AuthenticationStarts;

  beforeAll(async () => {
    sut = await startFlow();
    starts = sut.flow.get(AuthenticationStarts);
  });
  afterEach(() => sut.reset());
  afterAll(() => sut?.close());

  const row = async (id: string) =>
    (await sut.sql('SELECT * FROM authentications WHERE id = $1', [id]))[0];
  const timeline = async (id: string) =>
    sut.sql<{ event: string; source: string }>(
      'SELECT event, source FROM authentication_events WHERE authentication_id = $1 ORDER BY id',
      [id],
    );
  /** `complete` goes out without waiting; its confirmation lands in the row. */
  const completed = (id: string) =>
    waitUntil(async () => {
      const current = await row(id);
      return current?.state === 'completed' ? current : undefined;
    });
  const started = async (reference: string, extra: Partial<SessionRequest> = {}) => {
    const outcome = await starts.start(TEAM, aRequest(reference, extra));
    if (outcome.type !== 'started') throw new Error(`not started: ${outcome.type}`);
    return outcome.authentication;
  };

  it("records the provider's answer to a create, and completes the result with the provider", async () => {
    const outcome = await starts.start(TEAM, aRequest('FLOW-RESULT'));
    expect(outcome).toMatchObject({
      type: 'started',
      sessionCreated: true,
      answerKept: false,
      authentication: { state: 'result_ready', outcome: 'authenticated', provider: 'fake' },
    });
    const id = outcome.type === 'started' ? outcome.authentication.id : '';
    const done = await completed(id);
    const session = sut.provider.sessionFor('FLOW-RESULT');
    expect(done).toMatchObject({ provider: 'fake', provider_session_id: session.id });
    expect(sut.provider.calls).toContainEqual({ method: 'complete', sessionId: session.id });
    expect(await timeline(id)).toEqual([
      { event: 'created', source: 'api' },
      { event: 'result_received', source: 'api' },
      { event: 'completion_confirmed', source: 'fake_complete' },
    ]);
  });

  it("keeps the key's answer with the move that settles the create, and finds the key taken after", async () => {
    const key: StartKey = {
      teamId: TEAM,
      keyHash: 'a'.repeat(64),
      requestHash: 'b'.repeat(64),
      answerFor: ({ authentication }) => ({
        status: 201,
        body: { id: authentication.id, state: authentication.state },
      }),
    };
    const first = await starts.start(TEAM, aRequest('FLOW-KEY'), key);
    expect(first).toMatchObject({ type: 'started', answerKept: true });
    const id = first.type === 'started' ? first.authentication.id : '';
    await expect(
      sut.sql('SELECT state, response_status, response_text FROM idempotency_keys'),
    ).resolves.toEqual([
      {
        state: 'completed',
        response_status: 201,
        response_text: JSON.stringify({ id, state: 'result_ready' }),
      },
    ]);
    await expect(starts.start(TEAM, aRequest('FLOW-KEY'), key)).resolves.toEqual({
      type: 'key_taken',
    });
    await completed(id);
  });

  it('answers a refusal after the authentication was recorded as a value, and closes it', async () => {
    sut.provider.willAnswer({ answer: 'refused', codes: ['amount_invalid'] });
    const outcome = await starts.start(TEAM, aRequest('FLOW-REFUSED'));
    expect(outcome).toEqual({ type: 'failed', error: expect.any(UpstreamRejectedRequestError) });
    const [closed] = await sut.sql('SELECT state, outcome, failure_reason FROM authentications');
    expect(closed).toEqual({ state: 'closed', outcome: 'error', failure_reason: 'amount_invalid' });
  });

  it("re-reads the session on the provider's callback, which only its token admits", async () => {
    sut.provider.willAnswer({ answer: 'challenge' });
    const authentication = await started('FLOW-CHALLENGE');
    expect(authentication.state).toBe('challenge_required');
    const session = sut.provider.sessionFor('FLOW-CHALLENGE');
    const token = session.urls.callback.split('/').at(-1)!;
    expect(session.urls.callback).toContain(`/callbacks/fake/${authentication.id}/`);
    const inputs = sut.flow.get(OutsideInputs);
    const callback = (presented: string) =>
      inputs.callbackReceived({
        provider: 'fake',
        authenticationId: authentication.id,
        token: presented,
        hintedStatus: 'approved',
        body: Buffer.from('{"status":"approved"}'),
      });

    await expect(callback('not-the-token')).resolves.toBe('refused');
    sut.provider.passChallenge(session.id);
    await expect(callback(token)).resolves.toBe('accepted');
    await completed(authentication.id);
    expect((await timeline(authentication.id)).map((entry) => entry.source)).toEqual([
      'api',
      'api',
      'fake_callback',
      'fake_callback',
      'fake_complete',
    ]);
  });

  it('links the session a provider event names to the create that never heard back', async () => {
    sut.provider.willAnswer({ answer: 'lost' });
    const outcome = await starts.start(TEAM, aRequest('FLOW-LOST'));
    expect(outcome).toEqual({ type: 'failed', error: expect.any(UpstreamOutcomeUnknownError) });
    const [unknown] = await sut.sql<{ id: string; state: string }>(
      'SELECT id, state FROM authentications',
    );
    expect(unknown.state).toBe('creation_unknown');
    const session = sut.provider.sessionFor('FLOW-LOST');
    const event = {
      provider: 'fake',
      eventId: 'evt_flow_lost',
      type: 'session_approved',
      providerSessionId: session.id,
      tellsNews: true,
      reference: 'FLOW-LOST',
      amount: 1999,
      currency: 'EUR',
      occurredAt: new Date(),
    };
    const events = sut.flow.get(ProviderEvents);
    await expect(events.received(event)).resolves.toBe('accepted');
    await expect(events.received(event)).resolves.toBe('duplicate');

    const [job] = await sut.sql<{ payload: ProviderEventPayload }>(
      `SELECT j.payload FROM graphile_worker._private_jobs j
       JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = $1`,
      [TASKS.providerEvent],
    );
    await sut.flow.get(ProviderEventTask).run(job.payload);
    // Linked with its result; `complete` follows on its own.
    expect(await completed(unknown.id)).toMatchObject({
      provider_session_id: session.id,
      outcome: 'authenticated',
    });
    expect((await timeline(unknown.id)).map((entry) => entry.event)).toEqual([
      'created',
      'creation_timed_out',
      'result_received',
      'completion_confirmed',
    ]);
  });

  it('takes the 3DS Method once: the notice after the API reported it is late, a second report refused', async () => {
    sut.provider.willAnswer({ answer: 'method', outcome: 'authenticated' });
    const authentication = await started('FLOW-METHOD', { channel_data: undefined });
    expect(authentication.state).toBe('awaiting_issuer_fingerprint');
    const updates = sut.flow.get(SessionUpdates);
    const reported = await updates.reportIssuerFingerprint(authentication, 'Y');
    expect(reported.state).toBe('awaiting_channel_data');

    await sut.flow.get(OutsideInputs).methodNotified({
      authenticationId: authentication.id,
      serverTransactionId: sut.provider.sessionFor('FLOW-METHOD').transactionId,
      input: 'threeDSMethodData',
    });
    await expect(updates.reportIssuerFingerprint(reported, 'Y')).rejects.toThrow(
      IllegalTransitionError,
    );
    expect((await timeline(authentication.id)).map((entry) => entry.event)).toEqual([
      'created',
      'fingerprint_required',
      'fingerprint_completed',
      'method_notification_late',
    ]);
  });

  it('hands the provider back the state it kept at its last answer, sealed at rest', async () => {
    sut.provider.willAnswer({ answer: 'method', outcome: 'authenticated' });
    const authentication = await started('FLOW-KEPT', { channel_data: undefined });
    const bearer = `fake-bearer-${sut.provider.sessionFor('FLOW-KEPT').id}`;
    const updates = sut.flow.get(SessionUpdates);
    const reported = await updates.reportIssuerFingerprint(authentication, 'Y');
    const sealed = (await row(authentication.id)).provider_state_ciphertext as string;
    await updates.submitChannelData(reported, aBrowserChannel() as unknown as ChannelData);

    expect(sut.provider.handedBack).toEqual([
      { method: 'reportMethodCompletion', providerState: { answers: 1, bearer } },
      { method: 'submitChannelData', providerState: { answers: 2, bearer } },
    ]);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(bearer);
    expect((await row(authentication.id)).provider_state_ciphertext).not.toBe(sealed);
  });

  it("hands the CRes's transStatus to the re-read it asks for", async () => {
    sut.provider.willAnswer({ answer: 'challenge' });
    const authentication = await started('FLOW-CRES');
    expect(authentication.state).toBe('challenge_required');
    const session = sut.provider.sessionFor('FLOW-CRES');
    sut.provider.passChallenge(session.id);

    await sut.flow.get(OutsideInputs).challengeAnswered({
      authenticationId: authentication.id,
      answer: {
        kind: 'cres',
        serverTransactionId: session.transactionId,
        acsTransactionId: 'acs-1',
        transStatus: 'Y',
      },
      input: { cres: 'one' },
    });

    expect(sut.provider.handedBack).toContainEqual(
      expect.objectContaining({ method: 'readSession', hint: { challengeTransStatus: 'Y' } }),
    );
    expect(await row(authentication.id)).toMatchObject({ outcome: 'authenticated' });
  });

  it('refuses channel data a provider takes only with the create, without calling it', async () => {
    sut.provider.willAnswer({ answer: 'method', outcome: 'authenticated' });
    const authentication = await started('FLOW-NO-LATER-DATA', { channel_data: undefined });
    sut.provider.declare({ channelDataAfterCreate: false });
    const updates = sut.flow.get(SessionUpdates);

    await expect(
      updates.submitChannelData(authentication, aBrowserChannel() as unknown as ChannelData),
    ).rejects.toThrow(IllegalTransitionError);
    expect(sut.provider.calls.map((call) => call.method)).toEqual(['createSession']);
  });

  it("re-sends a create whose answer was lost once, when the provider's create is idempotent", async () => {
    sut.provider.declare({ idempotentCreate: true });
    sut.provider.willAnswer({ answer: 'lost' });
    const authentication = await started('FLOW-RESENT');

    expect(authentication).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });
    expect(sut.provider.calls.filter((call) => call.method === 'createSession')).toHaveLength(2);
    expect(sut.provider.sessions.size).toBe(1);
  });

  it('keeps a create unknown when its re-send gets no definite answer either', async () => {
    sut.provider.declare({ idempotentCreate: true });
    sut.provider.replaysUnavailable = true;
    sut.provider.willAnswer({ answer: 'lost' });
    const outcome = await starts.start(TEAM, aRequest('FLOW-RESENT-LOST'));

    expect(outcome).toEqual({ type: 'failed', error: expect.any(UpstreamOutcomeUnknownError) });
    expect(await sut.sql('SELECT state FROM authentications')).toEqual([
      { state: 'creation_unknown' },
    ]);
  });
});
