import { contractViolations } from '../../support/checkout-contract.js';
import { CheckoutApi, expectConformingAnswers } from '../../support/simulator/checkout-api.js';
import { aSessionRequest } from '../../support/simulator/factories.js';
import {
  SIMULATOR_CLIENT,
  startSimulator,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

/**
 * The simulator's test-only control API (`/_sim/...`) as a plain HTTP client sees it: scripted
 * route faults, the request log, the simulated clock and reset. Webhook and callback delivery
 * faults are in deliveries.e2e-spec.ts.
 */
describe('simulator: control API (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let oauth: string;

  beforeAll(async () => {
    simulator = await startSimulator();
    api = new CheckoutApi(simulator.url);
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    expect((await api.control('POST', '/reset')).status).toBe(204);
    oauth = await api.token();
  });

  const addFault = async (fault: Record<string, unknown>): Promise<void> => {
    const added = await api.control('POST', '/faults', fault);
    expect(added.status).toBe(201);
  };
  const createSession = async (): Promise<{ id: string; session_secret: string }> => {
    const created = await api.createSession(oauth, aSessionRequest());
    expect(created.status).toBe(202);
    return created.body as { id: string; session_secret: string };
  };
  const counters = async () => (await api.control('GET', '/counters')).body;

  describe('route faults', () => {
    it('status 503 answers an ErrorResponse with the scripted Retry-After', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'status', status: 503, retry_after: 30 });

      const answer = await api.getSession(oauth, session.id);

      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(contractViolations(answer.body, 'ErrorResponse')).toEqual([]);
      expect(answer.body.error_type).toBe('service_not_available');
    });

    it('status 429 answers an ErrorResponse with the scripted Retry-After', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'status', status: 429, retry_after: 7 });

      const answer = await api.getSession(oauth, session.id);

      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(contractViolations(answer.body, 'ErrorResponse')).toEqual([]);
    });

    it('latency delays the answer by at least latency_ms, then answers normally', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'latency', latency_ms: 250 });

      const started = performance.now();
      const answer = await api.getSession(oauth, session.id);
      const elapsed = performance.now() - started;

      expect(answer.status).toBe(200);
      expect(answer.body.id).toBe(session.id);
      expect(elapsed).toBeGreaterThanOrEqual(200);
    });

    it('timeout holds the request until the client gives up', async () => {
      const session = await createSession();
      // latency_ms bounds how long the server holds the connection if the client never gives up.
      await addFault({ route: 'GET /sessions/:id', kind: 'timeout', latency_ms: 10_000 });

      await expect(
        api.send('GET', `/sessions/${session.id}`, { auth: oauth, timeoutMs: 300 }),
      ).rejects.toMatchObject({ name: 'TimeoutError' });
    });

    it('reset drops the connection without an answer', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'reset' });

      // fetch's TypeError comes from another realm than Jest's, so match on its name.
      await expect(api.getSession(oauth, session.id)).rejects.toMatchObject({
        name: 'TypeError',
        message: 'fetch failed',
      });
    });

    it('malformed answers 2xx with a body that is not valid JSON', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'malformed' });

      const answer = await api.getSession(oauth, session.id);

      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toBe('');
      expect(() => JSON.parse(answer.text) as unknown).toThrow(SyntaxError);
    });

    it('times: 1 affects only the next matching request', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'status', status: 503, times: 1 });

      expect((await api.getSession(oauth, session.id)).status).toBe(503);
      expect((await api.getSession(oauth, session.id)).status).toBe(200);
      expect((await api.getSession(oauth, session.id)).status).toBe(200);
    });

    it("session_id scopes the fault to that one session's GET", async () => {
      const faulted = await createSession();
      const other = await createSession();
      await addFault({
        route: 'GET /sessions/:id',
        kind: 'status',
        status: 503,
        session_id: faulted.id,
      });

      expect((await api.getSession(oauth, other.id)).status).toBe(200);
      expect((await api.getSession(oauth, faulted.id)).status).toBe(503);
      expect((await api.getSession(oauth, faulted.id)).status).toBe(503);
      expect((await api.getSession(oauth, other.id)).status).toBe(200);
    });

    it("route '*' faults every Checkout route but not the control API", async () => {
      const session = await createSession();
      await addFault({ route: '*', kind: 'status', status: 503 });

      expect((await api.getSession(oauth, session.id)).status).toBe(503);
      expect((await api.createSession(oauth, aSessionRequest())).status).toBe(503);
      expect((await api.tokenRequest(credentials())).status).toBe(503);
      expect((await api.control('GET', '/clock')).status).toBe(200);
      expect((await api.control('DELETE', '/faults')).status).toBe(204);
      expect((await api.getSession(oauth, session.id)).status).toBe(200);
    });

    it('a fault on POST /connect/token fails the token request and issues no token', async () => {
      const before = (await counters()).tokens_issued as number;
      await addFault({ route: 'POST /connect/token', kind: 'status', status: 503 });

      const answer = await api.tokenRequest(credentials());

      expect(answer.status).toBe(503);
      expect(answer.body.access_token).toBeUndefined();
      await expect(api.token()).rejects.toThrow(/503/);
      expect((await counters()).tokens_issued).toBe(before);
    });

    it('a 503 on POST /sessions creates no session', async () => {
      await addFault({ route: 'POST /sessions', kind: 'status', status: 503 });

      const answer = await api.createSession(oauth, aSessionRequest());

      expect(answer.status).toBe(503);
      expect(answer.body.id).toBeUndefined();
      expect((await counters()).sessions_created).toBe(0);
    });

    it('DELETE /_sim/faults clears every scripted fault', async () => {
      const session = await createSession();
      await addFault({ route: 'GET /sessions/:id', kind: 'status', status: 503 });
      await addFault({ route: 'POST /sessions', kind: 'reset' });
      expect((await api.getSession(oauth, session.id)).status).toBe(503);

      expect((await api.control('DELETE', '/faults')).status).toBe(204);

      expect((await api.getSession(oauth, session.id)).status).toBe(200);
      expect((await api.createSession(oauth, aSessionRequest())).status).toBe(202);
    });
  });

  describe('request log', () => {
    it('records method, path, route, auth kind, status and time of every Checkout request', async () => {
      const session = await createSession();
      await api.getSession(session.session_secret, session.id);
      await api.getSession(undefined, session.id);
      const basic = Buffer.from(`${SIMULATOR_CLIENT.id}:${SIMULATOR_CLIENT.secret}`).toString(
        'base64',
      );
      await api.tokenRequest(
        { grant_type: 'client_credentials' },
        { authorization: `Basic ${basic}` },
      );

      const { requests } = (await api.control('GET', '/requests')).body;

      expect(requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/connect/token',
          route: 'POST /connect/token',
          auth: 'none',
          status: 200,
        }),
        expect.objectContaining({
          method: 'POST',
          path: '/sessions',
          route: 'POST /sessions',
          auth: 'bearer',
          status: 202,
        }),
        expect.objectContaining({
          method: 'GET',
          path: `/sessions/${session.id}`,
          route: 'GET /sessions/:id',
          auth: 'session_secret',
          status: 200,
        }),
        expect.objectContaining({
          method: 'GET',
          path: `/sessions/${session.id}`,
          route: 'GET /sessions/:id',
          auth: 'none',
          status: 401,
        }),
        expect.objectContaining({
          method: 'POST',
          path: '/connect/token',
          route: 'POST /connect/token',
          auth: 'basic',
          status: 200,
        }),
      ]);
      for (const entry of requests as Array<{ at: string }>) {
        expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
      }
    });

    it('does not log control API requests', async () => {
      await api.control('GET', '/clock');
      await api.control('POST', '/clock/advance', { ms: 1 });
      await api.control('GET', '/counters');

      const { requests } = (await api.control('GET', '/requests')).body;

      expect(requests.map((entry: { path: string }) => entry.path)).toEqual(['/connect/token']);
    });
  });

  it('POST /_sim/clock/advance moves GET /_sim/clock forward by at least the advance', async () => {
    const before = Date.parse((await api.control('GET', '/clock')).body.now);

    const advanced = await api.control('POST', '/clock/advance', { ms: 3_600_000 });
    const after = Date.parse((await api.control('GET', '/clock')).body.now);

    expect(advanced.status).toBe(201);
    expect(Date.parse(advanced.body.now)).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(after).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it('POST /_sim/reset forgets sessions, counters and the request log', async () => {
    const session = await createSession();
    expect((await counters()).sessions_created).toBe(1);

    expect((await api.control('POST', '/reset')).status).toBe(204);

    expect(await counters()).toEqual({
      tokens_issued: 0,
      sessions_created: 0,
      callbacks_sent: 0,
      webhook_attempts: 0,
    });
    expect((await api.control('GET', '/requests')).body.requests).toEqual([]);
    const fresh = await api.token();
    const gone = await api.getSession(fresh, session.id);
    expect(gone.status).toBe(404);
    expect(contractViolations(gone.body, 'ErrorResponse')).toEqual([]);
  });
});

describe('simulator: control API switched off (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);

  beforeAll(async () => {
    simulator = await startSimulator({ controlApi: false });
    api = new CheckoutApi(simulator.url);
  });
  afterAll(() => simulator.close());

  it('answers 404 on /_sim routes and scripts no fault', async () => {
    const added = await api.control('POST', '/faults', { route: '*', kind: 'status' });
    expect(added.status).toBe(404);
    expect((await api.control('GET', '/requests')).status).toBe(404);
    expect((await api.control('POST', '/reset')).status).toBe(404);

    expect((await api.tokenRequest(credentials())).status).toBe(200);
  });
});

function credentials(): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: SIMULATOR_CLIENT.id,
    client_secret: SIMULATOR_CLIENT.secret,
  };
}
