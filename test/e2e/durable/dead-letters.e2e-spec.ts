import type { HttpRecorder } from '../../support/http-recorder.js';
import type { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { orchestrationWithTeamEndpoint } from '../../support/team-endpoint.js';
import { anEventsConfig } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

interface Delivery {
  event_id: string;
  state: string;
  attempts: number;
  next_attempt_at: Date | null;
}

/** What a spec needs to fail an endpoint until its events dead-letter, then let it recover. */
function teamEvents(ctx: () => Orchestration, endpoint: () => HttpRecorder) {
  const deliveries = () =>
    ctx().sql<Delivery>(
      `SELECT event_id, state, attempts, next_attempt_at FROM event_deliveries ORDER BY id`,
    );
  return {
    deliveries,
    register: async (settings: Record<string, unknown> = {}) =>
      (
        await ctx()
          .api('post', '/v1/webhook-endpoints')
          .send({ url: endpoint().to('/events'), ...settings })
          .expect(201)
      ).body as { id: string; redeliver_dead_events: boolean },
    /** `count` frictionless authentications at once: one event each. */
    complete: (count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          ctx()
            .client.create(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
            .expect(201),
        ),
      ),
    /** Until `count` deliveries are in `state` (and returns all of them). */
    until: (state: string, count: number) =>
      waitUntil(
        async () => {
          const all = await deliveries();
          return all.filter((delivery) => delivery.state === state).length === count
            ? all
            : undefined;
        },
        { timeoutMs: 30_000, describe: async () => JSON.stringify(await deliveries()) },
      ),
    /** Event ids the endpoint received from the `from`th request on, in order. */
    receivedSince: (from: number) =>
      endpoint()
        .received('/events')
        .slice(from)
        .map((request) => request.headers['webhook-id'] as string),
  };
}

/**
 * An endpoint that was down long enough for its events to dead-letter gets them back when a
 * delivery to it succeeds again: once each, spaced, unless the team turned that off.
 */
describe('dead-lettered team events (e2e)', () => {
  let ctx: Orchestration;
  let endpoint: HttpRecorder;
  orchestrationWithTeamEndpoint((started) => ({ ctx, endpoint } = started));
  const { deliveries, register, complete, until, receivedSince } = teamEvents(
    () => ctx,
    () => endpoint,
  );

  it('are delivered once each when the endpoint recovers, however many successes at once', async () => {
    expect((await register()).redeliver_dead_events).toBe(true);
    endpoint.respondWith = 500;
    await complete(3);
    const dead = (await until('dead', 3)).map((delivery) => delivery.event_id);

    endpoint.respondWith = 200;
    const recoveredAt = endpoint.requests.length;
    await complete(3); // their successes race to give the dead ones back
    const all = await until('delivered', 6);
    const received = receivedSince(recoveredAt);
    expect(received.toSorted()).toEqual(all.map((delivery) => delivery.event_id).toSorted());
    expect(all.filter((delivery) => dead.includes(delivery.event_id))).toEqual(
      dead.map((id) => expect.objectContaining({ event_id: id, attempts: 1 })),
    );
    // The worker removes a job after its task returned, so the last one may still be listed.
    const leftJobs = () =>
      ctx.sql(`SELECT task_identifier, run_at, attempts, last_error FROM graphile_worker.jobs`);
    await waitUntil(async () => ((await leftJobs()).length === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: async () => JSON.stringify(await leftJobs()),
    });
  });

  it('stay dead when the endpoint says so, until it changes its mind', async () => {
    const { id } = await register({ redeliver_dead_events: false });
    endpoint.respondWith = 500;
    await complete(1);
    const [dead] = await until('dead', 1);

    endpoint.respondWith = 200;
    const recoveredAt = endpoint.requests.length;
    await complete(1);
    await until('delivered', 1);
    expect(receivedSince(recoveredAt)).not.toContain(dead.event_id);
    expect((await deliveries()).find((d) => d.event_id === dead.event_id)?.state).toBe('dead');

    const changed = await ctx
      .api('patch', `/v1/webhook-endpoints/${id}`)
      .send({ redeliver_dead_events: true })
      .expect(200);
    expect(changed.body).toMatchObject({ id, redeliver_dead_events: true });
    await complete(1);
    await until('delivered', 3);
    expect(receivedSince(recoveredAt).filter((event) => event === dead.event_id)).toHaveLength(1);
  });

  it('answers a change of an unknown endpoint 404, and a setting that is not a boolean 400', async () => {
    const { id } = await register();
    await ctx
      .api('patch', '/v1/webhook-endpoints/ep_aaaaaaaaaaaaaaaaaaaaaaaaaa')
      .send({ redeliver_dead_events: true })
      .expect(404);
    const refused = await ctx
      .api('patch', `/v1/webhook-endpoints/${id}`)
      .send({ redeliver_dead_events: 'yes' })
      .expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('dead-lettered team events, spaced (e2e)', () => {
  // Five minutes apart: a round (10 minutes ahead at most) takes two of them.
  const SPACING_MS = 300_000;
  let ctx: Orchestration;
  let endpoint: HttpRecorder;
  const events = anEventsConfig();
  orchestrationWithTeamEndpoint((started) => ({ ctx, endpoint } = started), {
    events: {
      ...events,
      teamDelivery: { ...events.teamDelivery, redeliverySpacingMs: SPACING_MS },
    },
  });
  const { deliveries, register, complete, until } = teamEvents(
    () => ctx,
    () => endpoint,
  );
  /** Deliveries queued for later (a finished job's row may linger a moment: it is not one). */
  const jobs = () =>
    ctx.sql<{ run_at: Date }>(
      `SELECT run_at FROM graphile_worker.jobs
       WHERE task_identifier = 'deliver_team_event' AND run_at > now() ORDER BY run_at`,
    );

  it('come back one every TEAM_EVENTS_REDELIVERY_SPACING_MS, one round at a time', async () => {
    await register();
    endpoint.respondWith = 500;
    await complete(3);
    const dead = await until('dead', 3);

    endpoint.respondWith = 200;
    await complete(1);
    const round = (await until('pending', 2)).filter((d) => d.state === 'pending');
    expect(round.map((delivery) => delivery.event_id)).toEqual(
      dead.slice(0, 2).map((delivery) => delivery.event_id),
    );
    const due = round.map((delivery) => delivery.next_attempt_at!.getTime());
    expect(due[1] - due[0]).toBe(SPACING_MS);
    expect((await jobs()).map((job) => job.run_at.getTime())).toEqual(due);

    // Another success inside the round opens no other: the third stays dead for now.
    await complete(1);
    await until('delivered', 2);
    expect((await jobs()).map((job) => job.run_at.getTime())).toEqual(due);
    const third = (await deliveries()).find((d) => d.event_id === dead[2].event_id);
    expect(third?.state).toBe('dead');
  });
});
