import request from 'supertest';
import { ORCHESTRATOR_BUNDLE, runBuiltApp } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { Orchestration } from '../support/orchestration.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A } from '../support/test-config.js';

const DEMO_ENV = {
  DEMO_PAGE: 'true',
  DEMO_API_KEY: TEAM_A.apiKey,
  FRAME_ANCESTORS: 'http://127.0.0.1:*',
};

const json = { 'content-type': 'application/json' };

/** The browser helper and the demo page as the built app serves them (files copied to dist). */
describe('browser helper and demo page (e2e)', () => {
  let simulator: SimulatorUnderTest;
  const processes: OrchestratorProcess[] = [];

  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await simulator.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    const started = await startOrchestratorProcess({ simulatorUrl: simulator.url, env });
    processes.push(started);
    return started;
  };

  it('serves /js/threeds.js and its types to any origin, and no demo page by default', async () => {
    const orchestrator = await start();
    const modules = { 'threeds.js': 'authenticate', 'threeds-frames.js': 'challengeFrame' };
    for (const [file, exported] of Object.entries(modules)) {
      const helper = await fetch(`${orchestrator.url}/js/${file}`, {
        headers: { origin: 'https://shop.example' },
      });
      expect(helper.status).toBe(200);
      expect(helper.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      // Module scripts are fetched with CORS: a merchant page elsewhere must be able to load it.
      expect(helper.headers.get('access-control-allow-origin')).toBe('*');
      expect(helper.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(await helper.text()).toMatch(new RegExp(`export (async )?function ${exported}\\(`));
    }
    const types = await fetch(`${orchestrator.url}/js/threeds.d.ts`);
    expect(types.status).toBe(200);
    expect(await types.text()).toContain('export interface MerchantBackend');

    for (const path of ['/', '/demo/demo.js', '/demo/api/config']) {
      expect((await fetch(`${orchestrator.url}${path}`)).status).toBe(404);
    }
    expect(orchestrator.app.output()).not.toContain('Demo checkout page');
  });

  it('with DEMO_PAGE=true: prints the URL, serves a frameable page, and its backend keeps the key', async () => {
    const orchestrator = await start(DEMO_ENV);
    await orchestrator.app.waitFor(new RegExp(`Demo checkout page: ${orchestrator.url}/`));

    const page = await fetch(`${orchestrator.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain(
      'frame-ancestors http://127.0.0.1:*',
    );
    expect(await page.text()).toContain('<script type="module" src="/demo/demo.js">');

    const config = await (await fetch(`${orchestrator.url}/demo/api/config`)).json();
    expect(config.cards.length).toBeGreaterThan(50);
    expect(config.notification_origin).toBe(orchestrator.url);
    const card = config.cards.findIndex(
      (entry: { number: string }) => entry.number === '4485040371536584',
    );

    const demo = request(orchestrator.url);
    const created = await demo
      .post('/demo/api/authentications')
      .set(json)
      .send({ card, amount: 6540, currency: 'EUR', channel: 'browser' })
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'awaiting_issuer_fingerprint',
      next_action: { type: 'three_ds_method' },
    });
    expect(JSON.stringify(created.body)).not.toContain(TEAM_A.apiKey);
    // The demo team's authentication, reachable with its key through the real API.
    await request(orchestrator.url)
      .get(`/v1/authentications/${created.body.id}`)
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .expect(200);

    const app = await demo
      .post('/demo/api/authentications')
      .set(json)
      .send({ card, amount: 6540, currency: 'EUR', channel: 'app' })
      .expect(201);
    expect(app.body.checkout_session_secret).toMatch(/hidden/);

    // A card number in a demo body is refused like anywhere outside the API's create.
    await demo
      .post('/demo/api/authentications')
      .set(json)
      .send({ card: '4485040371536584', amount: 1, currency: 'EUR', channel: 'browser' })
      .expect(400);
    await demo.get(`/demo/api/authentications/${created.body.id}/result?format=xml`).expect(400);
  });

  it('answers the demo to this machine only: a client elsewhere sees no such route', async () => {
    // One trusted proxy: the client is the address it forwards, as behind a load balancer.
    const orchestrator = await start({ ...DEMO_ENV, TRUSTED_PROXY_HOPS: '1' });
    const from = (address: string) => ({ 'x-forwarded-for': address });

    for (const path of ['/', '/demo/api/config']) {
      const remote = await fetch(`${orchestrator.url}${path}`, { headers: from('203.0.113.7') });
      expect(remote.status).toBe(404);
      expect((await remote.json()).error.code).toBe('NOT_FOUND');
      const local = await fetch(`${orchestrator.url}${path}`, { headers: from('127.0.0.1') });
      expect(local.status).toBe(200);
    }
  });

  it.each([
    [
      'in production',
      { ...DEMO_ENV, NODE_ENV: 'production' },
      'DEMO_PAGE: must not be true (the demo checkout',
    ],
    ['without a key', { DEMO_PAGE: 'true' }, 'DEMO_API_KEY: required when DEMO_PAGE is true'],
  ])('refuses DEMO_PAGE=true %s', async (_case, env, message) => {
    const app = runBuiltApp(ORCHESTRATOR_BUNDLE, {
      PORT: String(await freePort()),
      CHECKOUT_API_URL: simulator.url,
      CHECKOUT_TOKEN_URL: `${simulator.url}/connect/token`,
      CHECKOUT_CLIENT_ID: 'ack_demotest',
      CHECKOUT_CLIENT_SECRET: 'demo-test-secret',
      CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      CARD_FINGERPRINT_KEY: 'demo-test-card-fingerprint-key-000000000',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/unused',
      ...env,
    });
    await expect(app.exited()).resolves.toBe(1);
    expect(app.output()).toContain(message);
  });

  it('serves the helper from source too (the in-process app the other specs use)', async () => {
    const ctx = await Orchestration.start();
    try {
      const helper = await request(ctx.orchestrator.http).get('/js/threeds.js').expect(200);
      expect(helper.text).toContain('export function collectBrowserData()');
      await request(ctx.orchestrator.http).get('/').expect(404);
    } finally {
      await ctx.close();
    }
  });
});
