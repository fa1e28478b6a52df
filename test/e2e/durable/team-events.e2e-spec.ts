import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { HttpRecorder } from '../../support/http-recorder.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { orchestrationWithTeamEndpoint } from '../../support/team-endpoint.js';
import { anEventsConfig, TEAM_B } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

const FRICTIONLESS_Y = '4485040371536584';
const NOT_ENROLLED = '4484070000035519';

interface EventView {
  id: string;
  payload: { type: string; data: Record<string, unknown> };
  deliveries: { endpoint_id: string; state: string; attempts: number; attempt_log: unknown[] }[];
}

/** Signed `authentication.completed` events to the teams' endpoints: at least once, visible. */
describe('team events (e2e)', () => {
  let ctx: Orchestration;
  let endpoint: HttpRecorder;
  // The stalled endpoint's deadline, meant to pass; every other endpoint here answers at once.
  const events = anEventsConfig();
  orchestrationWithTeamEndpoint((started) => ({ ctx, endpoint } = started), {
    events: { teamDelivery: { ...events.teamDelivery, timeoutMs: 2_000 } },
  });

  const register = async (path = '/events', apiKey?: string) =>
    (
      await ctx
        .api('post', '/v1/webhook-endpoints', apiKey)
        .send({ url: endpoint.to(path), description: 'payments backend' })
        .expect(201)
    ).body as { id: string; secret: string };

  const completeOne = async (card = FRICTIONLESS_Y) => {
    const created = await ctx.client
      .create(aCreateBody(card, { channel_data: aBrowserChannel() }))
      .expect(201);
    return created.body as { id: string; state: string };
  };

  const eventsOf = async (id: string): Promise<EventView[]> =>
    (await ctx.api('get', `/v1/events?authentication_id=${id}`).expect(200)).body.data;

  const deliveryState = (id: string, state: string) =>
    waitUntil(
      async () => {
        const [event] = await eventsOf(id);
        return event?.deliveries[0]?.state === state ? event : undefined;
      },
      { describe: async () => JSON.stringify(await eventsOf(id)) },
    );

  it('delivers a signed authentication.completed event, without the cryptogram', async () => {
    const { secret } = await register();
    const { id } = await completeOne();
    const [received] = await endpoint.waitFor('/events');
    const headers = received.headers as Record<string, string>;
    const verified = new Webhook(secret).verify(received.rawBody, headers) as EventView['payload'];
    expect(verified).toMatchObject({
      type: 'authentication.completed',
      data: {
        authentication_id: id,
        reference: 'ORDER-1001',
        state: 'result_ready',
        outcome: 'authenticated',
        guidance: 'proceed_with_liability_shift',
        trans_status: 'Y',
        eci: '05',
      },
    });
    expect(received.rawBody).not.toMatch(/cryptogram|cavv/i);
    const truth = await ctx.checkoutTruth(verified.data.checkout_session_id as string);
    expect(received.rawBody).not.toContain(truth.cryptogram as string);

    const event = await deliveryState(id, 'delivered');
    expect(headers['webhook-id']).toBe(event.id);
    expect(event.deliveries[0]).toMatchObject({ attempts: 1, attempt_log: [{ status: 200 }] });
    await ctx.waitForState(id, 'completed');
    expect(await eventsOf(id)).toHaveLength(1); // once per outcome, not again on `completed`
  });

  it('tells the team about authentications that end without a result too', async () => {
    await register();
    const { id, state } = await completeOne(NOT_ENROLLED);
    expect(state).toBe('closed');
    const [received] = await endpoint.waitFor('/events');
    expect(received.body).toMatchObject({
      data: { authentication_id: id, state: 'closed', outcome: 'unavailable' },
    });
  });

  it('retries with backoff, keeping the webhook-id, until the endpoint accepts', async () => {
    await register();
    endpoint.respondWith = (_request, index) => (index < 2 ? 500 : 204);
    const { id } = await completeOne();
    const event = await deliveryState(id, 'delivered');
    const posts = endpoint.received('/events');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((post) => post.headers['webhook-id']))).toEqual(new Set([event.id]));
    const log = event.deliveries[0].attempt_log as { status: number; at: string }[];
    expect(log).toMatchObject([{ status: 500 }, { status: 500 }, { status: 204 }]);
    // Backoff (test config: 50 ms base): the second wait is at least the first's nominal delay.
    const secondWait = Date.parse(log[2].at) - Date.parse(log[1].at);
    expect(secondWait).toBeGreaterThanOrEqual(50);
  });

  it('dead-letters after the last attempt; a resend through the API delivers it', async () => {
    await register();
    endpoint.respondWith = 503;
    const { id } = await completeOne();
    const dead = await deliveryState(id, 'dead');
    expect(dead.deliveries[0].attempts).toBe(4);

    endpoint.respondWith = 200;
    const resent = await ctx.api('post', `/v1/events/${dead.id}/resend`).send({}).expect(202);
    expect(resent.body).toEqual({ event_id: dead.id, queued: 1 });
    const delivered = await deliveryState(id, 'delivered');
    expect(delivered.deliveries[0].attempt_log).toHaveLength(5);
    const ids = endpoint.received('/events').map((post) => post.headers['webhook-id']);
    expect(new Set(ids)).toEqual(new Set([dead.id]));
  });

  it('gives a stalled endpoint one deadline per attempt, and the flow does not wait for it', async () => {
    // Accepts the connection, then never answers.
    const stalled = createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalled.address() as AddressInfo;
      await ctx
        .api('post', '/v1/webhook-endpoints')
        .send({ url: `http://127.0.0.1:${port}/events` })
        .expect(201);
      const { id } = await completeOne();
      await ctx.waitForState(id, 'completed'); // while the delivery still waits
      const [event] = await eventsOf(id);
      expect(event.deliveries[0]).toMatchObject({ state: 'pending', attempts: 0 });
      const attempted = await waitUntil(async () => {
        const [current] = await eventsOf(id);
        return current.deliveries[0].attempts >= 1 ? current.deliveries[0] : undefined;
      });
      const [first] = attempted.attempt_log as { error: string; duration_ms: number }[];
      expect(first.error).toBe('timeout');
      expect(first.duration_ms).toBeGreaterThanOrEqual(1_900);
      expect(first.duration_ms).toBeLessThan(5_000);
    } finally {
      stalled.closeAllConnections();
      stalled.close();
    }
  });

  it("keeps teams apart: no delivery to, and no view of, another team's events", async () => {
    await register('/team-b', TEAM_B.apiKey);
    const { id } = await completeOne();
    await ctx.waitForState(id, 'completed');
    const [event] = await eventsOf(id);
    expect(event.deliveries).toEqual([]);
    expect(endpoint.received('/team-b')).toEqual([]);
    await ctx.api('get', `/v1/events/${event.id}`, TEAM_B.apiKey).expect(404);
    await ctx.api('post', `/v1/events/${event.id}/resend`, TEAM_B.apiKey).send({}).expect(404);
  });

  it('refuses an eleventh endpoint for one team with 409', async () => {
    for (let i = 0; i < 10; i++) await register(`/events-${i}`);
    const refused = await ctx
      .api('post', '/v1/webhook-endpoints')
      .send({ url: endpoint.to('/one-too-many') })
      .expect(409);
    expect(refused.body.error.code).toBe('ENDPOINT_LIMIT_REACHED');
    await register('/team-b', TEAM_B.apiKey); // another team's own limit
  });

  it('holds the limit under 30 concurrent registrations: exactly 10 active, the rest 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx.api('post', '/v1/webhook-endpoints').send({ url: endpoint.to(`/racing-${i}`) }),
      ),
    );
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(answers.length - refused.length).toBe(10);
    expect(new Set(refused.map((answer) => `${answer.status} ${answer.body.error?.code}`))).toEqual(
      new Set(['409 ENDPOINT_LIMIT_REACHED']),
    );
    const listed = await ctx.api('get', '/v1/webhook-endpoints').expect(200);
    expect(listed.body.data).toHaveLength(10);
  });

  it('shows the signing secret once and stops sending to a removed endpoint', async () => {
    const { id: endpointId, secret } = await register();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await ctx.api('get', '/v1/webhook-endpoints').expect(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: endpointId })]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const stored = await ctx.sql('SELECT secret_ciphertext FROM team_endpoints');
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));

    await ctx.api('delete' as 'get', `/v1/webhook-endpoints/${endpointId}`).expect(204);
    await ctx.api('delete' as 'get', `/v1/webhook-endpoints/${endpointId}`).expect(404);
    const { id } = await completeOne();
    await ctx.waitForState(id, 'completed');
    expect((await eventsOf(id))[0].deliveries).toEqual([]);
  });
});
