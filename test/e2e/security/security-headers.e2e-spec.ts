import request from 'supertest';
import type { Answer } from '../../support/api.js';
import { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';

/** Headers that only matter to a browser rendering a page (helmet's full set adds them). */
const PAGE_ONLY = [
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/**
 * Programs' routes (API, provider posts, probes) answer with the REST set OWASP lists for APIs;
 * pages and unknown paths keep helmet's full set. Named in a failure: `GET /health/live: …`.
 */
describe('Security headers (e2e)', () => {
  let ctx: Orchestration;

  beforeAll(async () => {
    ctx = await Orchestration.start();
  });
  beforeEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const headersOf = (answer: Answer) => {
    const { method, url } = answer.request;
    const named = `${method} ${new URL(url).pathname}`;
    const present = Object.keys(answer.headers).filter((name) => PAGE_ONLY.includes(name));
    return {
      named,
      csp: answer.headers['content-security-policy'],
      frame: answer.headers['x-frame-options'],
      sniff: answer.headers['x-content-type-options'],
      hsts: answer.headers['strict-transport-security'],
      pageOnly: present,
      rateLimit: Object.keys(answer.headers).filter((name) => name.startsWith('x-ratelimit')),
    };
  };

  const machine = (answer: Answer) =>
    expect(headersOf(answer)).toEqual({
      named: expect.any(String),
      csp: "default-src 'none';frame-ancestors 'none'",
      frame: 'DENY',
      sniff: 'nosniff',
      hsts: 'max-age=31536000; includeSubDomains',
      pageOnly: [],
      rateLimit: [],
    });

  it('gives the API, provider posts and probes the REST set, without rate-limit headers', async () => {
    const created = await ctx.client
      .create(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
      .expect(201);
    machine(created);
    machine(await ctx.api('get', `/v1/authentications/${created.body.id as string}`).expect(200));
    machine(await ctx.api('get', '/v1/authentications/auth_00000000000000000000000000'));
    const http = request(ctx.orchestrator.http);
    machine(await http.get('/health/live').expect(200));
    machine(await http.post(`/callbacks/checkout/${created.body.id as string}/not-the-token`));
    machine(await http.post('/webhooks/checkout').send({}));
  });

  it('keeps the full set on pages and unknown paths', async () => {
    const challenged = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    const http = request(ctx.orchestrator.http);
    const page = await http
      .post(`/notifications/challenge/${challenged.body.id as string}`)
      .type('form')
      .send({ cres: 'not-a-cres' })
      .expect(200);
    const helper = await http.get('/js/threeds.js').expect(200);
    const unknown = await http.get('/no/such/page').expect(404);
    for (const answer of [page, helper, unknown]) {
      const { named, pageOnly, sniff } = headersOf(answer);
      expect({ named, pageOnly, sniff }).toEqual({ named, pageOnly: PAGE_ONLY, sniff: 'nosniff' });
    }
    expect(unknown.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
