import { request as httpRequest } from 'node:http';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A } from '../support/test-config.js';

/** Where the developer's browser would reach the demo through a tunnel or a proxy. */
const BROWSER_BASE_URL = 'https://demo.shop.test';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/**
 * The demo backend acts with a team's key for whoever calls it from this machine. A page in
 * the developer's browser that rebinds its own name to 127.0.0.1 gets that far, so the demo
 * also answers only requests that name it (Host, Origin) as this machine or BROWSER_BASE_URL.
 */
describe('demo backend Host and Origin (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;

  beforeAll(async () => {
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      env: { DEMO_PAGE: 'true', DEMO_API_KEY: TEAM_A.apiKey, BROWSER_BASE_URL },
    });
  });
  afterAll(async () => {
    await orchestrator.stop();
    await simulator.close();
  });

  /** A request to the orchestrator over loopback, naming whatever host the test says. */
  const call = (
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: object,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const sent = httpRequest(
        {
          host: '127.0.0.1',
          port: orchestrator.port,
          method,
          path,
          headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
            });
          });
        },
      );
      sent.on('error', reject);
      sent.end(body ? JSON.stringify(body) : undefined);
    });

  const own = () => `127.0.0.1:${orchestrator.port}`;

  it.each([
    ['127.0.0.1 on the served port', () => ({ host: own() })],
    ['localhost on the served port', () => ({ host: `localhost:${orchestrator.port}` })],
    ['[::1] on the served port', () => ({ host: `[::1]:${orchestrator.port}` })],
    ["BROWSER_BASE_URL's host", () => ({ host: 'demo.shop.test' })],
    [
      'an Origin of this machine',
      () => ({ host: own(), origin: `http://localhost:${orchestrator.port}` }),
    ],
    ["BROWSER_BASE_URL's origin", () => ({ host: own(), origin: BROWSER_BASE_URL })],
  ])('answers a request naming %s', async (_case, headers) => {
    const answer = await call('GET', '/demo/api/config', headers());
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['a rebinding name', () => ({ host: `rebind.attacker.example:${orchestrator.port}` })],
    [
      'a name that only looks local',
      () => ({ host: `localhost.attacker.example:${orchestrator.port}` }),
    ],
    ['a loopback address on another port', () => ({ host: '127.0.0.1:1' })],
    ['localhost without the port', () => ({ host: 'localhost' })],
    ["BROWSER_BASE_URL's name on a port of its own", () => ({ host: 'demo.shop.test:8443' })],
    [
      'an Origin elsewhere',
      () => ({ host: own(), origin: `http://rebind.attacker.example:${orchestrator.port}` }),
    ],
    ['an opaque Origin', () => ({ host: own(), origin: 'null' })],
    ['an Origin on another loopback port', () => ({ host: own(), origin: 'http://127.0.0.1:1' })],
  ])('refuses a request naming %s with 403 HOST_NOT_ALLOWED', async (_case, headers) => {
    for (const path of ['/demo/api/config', '/']) {
      const answer = await call('GET', path, headers());
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(answer.body.error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    }
  });

  it('starts no authentication for a rebinding page', async () => {
    const listed = async () => {
      const answer = await fetch(`${orchestrator.url}/v1/authentications?limit=100`, {
        headers: { authorization: `Bearer ${TEAM_A.apiKey}` },
      });
      return ((await answer.json()) as { data: unknown[] }).data.length;
    };
    const before = await listed();
    const started = await call(
      'POST',
      '/demo/api/authentications',
      { host: `rebind.attacker.example:${orchestrator.port}` },
      { card: 0, amount: 6540, currency: 'EUR', channel: 'browser' },
    );
    expect(started.status).toBe(403);
    expect(await listed()).toBe(before);
  });
});
