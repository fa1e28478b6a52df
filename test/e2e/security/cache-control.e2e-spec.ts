import request from 'supertest';
import type { Answer } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

const FRICTIONLESS_Y = '4485040371536584';
const HOSTED_PAGES = {
  success_url: 'https://shop.example/3ds/success',
  failure_url: 'https://shop.example/3ds/failure',
};

/**
 * Every answer that carries authentication data (results with ECI and cryptogram, timelines,
 * team events, the pages cardholders' browsers land on) says `Cache-Control: no-store`, errors
 * included; the browser helper keeps its own public caching.
 */
describe('Cache-Control (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** Names the answer in a failure: `GET /v1/…: public, max-age=60`. */
  const noStore = (answer: Answer) => {
    const { method, url } = answer.request;
    const path = new URL(url).pathname;
    const said = (value: unknown) => `${method} ${path} → ${answer.status}: ${String(value)}`;
    expect(said(answer.headers['cache-control'])).toBe(said('no-store'));
  };

  it('is no-store on the API: authentications, result, events, lists, endpoints and errors', async () => {
    const created = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { channel_data: aBrowserChannel() }))
      .expect(201);
    noStore(created);
    const id = created.body.id as string;
    await ctx.waitForState(id, 'completed');

    const result = await ctx.api('get', `/v1/authentications/${id}/result`).expect(200);
    expect(result.body.cryptogram).toEqual(expect.any(String));
    noStore(result);
    noStore(await ctx.api('get', `/v1/authentications/${id}/result?format=stripe`).expect(200));
    noStore(await ctx.api('get', `/v1/authentications/${id}`).expect(200));
    noStore(await ctx.api('get', `/v1/authentications/${id}/events`).expect(200));
    noStore(await ctx.api('get', '/v1/authentications').expect(200));

    noStore(
      await ctx
        .api('post', '/v1/webhook-endpoints')
        .send({ url: 'https://8.8.8.8/events' })
        .expect(201),
    );
    noStore(await ctx.api('get', '/v1/webhook-endpoints').expect(200));
    const events = await ctx.api('get', `/v1/events?authentication_id=${id}`).expect(200);
    noStore(events);
    noStore(await ctx.api('get', `/v1/events/${events.body.data[0].id as string}`).expect(200));

    noStore(await ctx.api('get', '/v1/authentications/auth_00000000000000000000000000'));
    noStore(await request(ctx.orchestrator.http).get(`/v1/authentications/${id}/result`));
  });

  it('is no-store on the pages browsers land on: notifications and the hosted return', async () => {
    const challenged = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    const page = await request(ctx.orchestrator.http)
      .post(`/notifications/challenge/${challenged.body.id as string}`)
      .type('form')
      .send({ cres: 'not-a-cres' })
      .expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    noStore(page);

    const hosted = await ctx.client
      .create(aCreateBody(FRICTIONLESS_Y, { hosted: HOSTED_PAGES }))
      .expect(201);
    const session = await ctx.checkout.control(
      'GET',
      `/sessions/${hosted.body.checkout_session_id as string}`,
    );
    const returnUrl = new URL(session.body.completion.success_url as string);
    noStore(await request(ctx.orchestrator.http).get(returnUrl.pathname).expect(303));
  });

  it('leaves a route its own policy: the browser helper stays cacheable', async () => {
    const helper = await request(ctx.orchestrator.http).get('/js/threeds.js').expect(200);
    expect(helper.headers['cache-control']).toBe('public, max-age=300');
    const health = await request(ctx.orchestrator.http).get('/health/live').expect(200);
    expect(health.headers['cache-control']).toBe('no-cache, no-store, must-revalidate');
  });
});
