import type { CreateAuthenticationRequest } from '@app/api-client';
import pg from 'pg';
import request from 'supertest';
import { TeamApi } from '../../support/api.js';
import { HttpRecorder } from '../../support/http-recorder.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../../support/orchestrator-processes.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { answerChallenge } from '../../support/simulator/browser.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../../support/simulator/simulator-app.js';
import { emptyTables } from '../../support/e2e-database.js';
import { freePort } from '../../support/free-port.js';
import { TEAM_A, testDatabaseUrl } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * SIGKILL at the four moments a crash could lose or repeat work, then a restart: every
 * authentication still reaches Checkout's final state, no Idempotency-Key gets a second
 * authentication or Checkout session, and every team event arrives (repeats keep their id).
 */
describe('crashes at failpoints (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let checkout: CheckoutApi;
  let db: pg.Client;
  let port: number;
  let running: OrchestratorProcess | undefined;

  const start = async (failpoint?: string) => {
    running = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      port,
      env: failpoint ? { FAILPOINTS: failpoint } : {},
    });
    return running;
  };
  const api = () => request(`http://127.0.0.1:${port}`);
  const authorized = (call: request.Test) => call.set('authorization', `Bearer ${TEAM_A.apiKey}`);
  const create = (key: string, body: CreateAuthenticationRequest) =>
    new TeamApi(`http://127.0.0.1:${port}`).create(body, { idempotencyKey: key });
  const view = async (id: string) =>
    (await authorized(api().get(`/v1/authentications/${id}`)).expect(200)).body as Body;
  const waitForState = (id: string, state: string) =>
    waitUntil(async () => ((await view(id)).state === state ? view(id) : undefined), {
      timeoutMs: 20_000,
      describe: async () => JSON.stringify(await view(id)),
    });
  /**
   * Retries the create until the key has its final answer (201): at the latest once the
   * creation deadline (RECHECK_CREATION_MS, 20.5 s) has passed.
   */
  const retryUntilCreated = (key: string, body: CreateAuthenticationRequest) =>
    waitUntil(
      async () => {
        const answer = await create(key, body);
        expect([201, 409, 504]).toContain(answer.status);
        return answer.status === 201 ? (answer.body as Body) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  const sessionsCreated = async () =>
    (await checkout.control('GET', '/counters')).body.sessions_created as number;
  const rowsFor = async (reference: string) =>
    (await db.query('SELECT id FROM authentications WHERE reference = $1', [reference])).rowCount;

  beforeAll(async () => {
    port = await freePort();
    // Webhook retries 300× faster than Checkout's (5 min → 1 s): they outlive a restart.
    simulator = await startSimulator({
      webhook: { url: `http://127.0.0.1:${port}/webhooks/checkout`, retryScale: 300 },
    });
    checkout = new CheckoutApi(simulator.url);
    db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    await checkout.control('POST', '/reset');
  });
  afterEach(async () => running?.kill());
  afterAll(async () => {
    await simulator.close();
    await db.end();
  });

  it('after Checkout created the session, before anything was committed', async () => {
    const body = aCreateBody('4485040371536584', { reference: 'CRASH-CREATE' });
    await start('after_checkout_create');
    await expect(create('crash-create', body)).rejects.toThrow(); // the connection dies
    await running!.app.exited();
    expect(await sessionsCreated()).toBe(1);

    await start(); // Checkout's webhook retry names the session; the creation deadline fires
    const resumed = await retryUntilCreated('crash-create', body);
    expect(resumed.state).toBe('awaiting_issuer_fingerprint');
    await authorized(api().post(`/v1/authentications/${resumed.id}/issuer-fingerprint`))
      .send({ completion: 'U' })
      .expect(200);
    await authorized(api().post(`/v1/authentications/${resumed.id}/channel-data`))
      .send({ channel_data: aBrowserChannel() })
      .expect(200);
    const done = await waitForState(resumed.id, 'completed');
    const truth = (await checkout.getSession(await checkout.token(), done.checkout_session_id))
      .body;
    expect(done.outcome).toBe('authenticated');
    expect(truth.status).toBe('approved');
    expect(await sessionsCreated()).toBe(1);
    expect(await rowsFor('CRASH-CREATE')).toBe(1);
  }, 90_000);

  it('after the outcome was committed, before the caller got the answer', async () => {
    const body = aCreateBody('4485040371536584', {
      reference: 'CRASH-ANSWER',
      channel_data: aBrowserChannel(),
    });
    await start('before_create_answer');
    await expect(create('crash-answer', body)).rejects.toThrow();
    await running!.app.exited();

    await start();
    const resumed = await retryUntilCreated('crash-answer', body);
    expect(resumed).toMatchObject({ outcome: 'authenticated' });
    await waitForState(resumed.id, 'completed'); // the committed `complete` job ran after restart
    expect(await sessionsCreated()).toBe(1);
    expect(await rowsFor('CRASH-ANSWER')).toBe(1);
  });

  it('in the middle of a Checkout webhook', async () => {
    await start();
    const created = await create(
      'crash-webhook',
      aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }),
    ).expect(201);
    await running!.stop();
    await start('after_webhook_received');
    // The cardholder answers, the browser never returns: only the webhook tells us.
    const { acs_url, creq } = created.body.next_action;
    await answerChallenge(acs_url, creq, { password: 'Checkout1!' });
    await running!.app.exited(); // killed with the event in the inbox, before answering 200

    await start();
    const done = await waitForState(created.body.id, 'completed');
    expect(done.outcome).toBe('authenticated');
    // Checkout got no answer, so it retries; the retry is answered 200 and changes nothing.
    const approved = await waitUntil(async () => {
      const attempts = (await checkout.control('GET', '/webhooks')).body.attempts as Body[];
      const sent = attempts.filter((attempt) => attempt.type === 'authentication_approved');
      return sent.at(-1)?.status === 200 ? sent : undefined;
    });
    expect(approved.length).toBeGreaterThanOrEqual(2);
    expect(approved[0].status).toBeUndefined();
    const inbox = await db.query('SELECT id FROM provider_events WHERE id = $1', [
      approved[0].eventId,
    ]);
    expect(inbox.rowCount).toBe(1);
  });

  it('after a team endpoint accepted an event, before it was marked delivered', async () => {
    const endpoint = await HttpRecorder.start();
    try {
      await start('after_team_event_sent');
      await authorized(api().post('/v1/webhook-endpoints'))
        .send({ url: endpoint.to('/events') })
        .expect(201);
      const body = aCreateBody('4485040371536584', {
        reference: 'CRASH-OUTBOX',
        channel_data: aBrowserChannel(),
      });
      await create('crash-outbox', body).catch(() => undefined); // may die before answering
      await running!.app.exited();
      expect(endpoint.received('/events')).toHaveLength(1);

      await start(); // takes over the dead process's locked delivery job
      const posts = await endpoint.waitFor('/events', 2, 30_000);
      expect(new Set(posts.map((post) => post.headers['webhook-id'])).size).toBe(1);
      const delivery = await waitUntil(async () => {
        const { rows } = await db.query<{ state: string }>('SELECT state FROM event_deliveries');
        return rows[0]?.state === 'delivered' ? rows[0] : undefined;
      });
      expect(delivery.state).toBe('delivered');
      const resumed = await retryUntilCreated('crash-outbox', body);
      await waitForState(resumed.id, 'completed');
      expect(await sessionsCreated()).toBe(1);
    } finally {
      await endpoint.close();
    }
  });
});
