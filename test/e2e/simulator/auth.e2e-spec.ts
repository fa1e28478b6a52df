import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { contractViolations } from '../../support/checkout-contract.js';
import {
  CheckoutApi,
  type ApiResponse,
  expectConformingAnswers,
} from '../../support/simulator/checkout-api.js';
import {
  aBrowserChannel,
  aSessionRequest,
  anAppChannel,
} from '../../support/simulator/factories.js';
import {
  SIMULATOR_CLIENT,
  startSimulator,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';

const BOTH = 'sessions:browser sessions:app';
/** Visa, frictionless, transStatus Y (approved with a cryptogram), has a 3DS Method URL. */
const FRICTIONLESS_Y = '4485040371536584';

const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const jwtPart = (jwt: string, index: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const clientCredentials = (overrides: Record<string, string> = {}): Record<string, string> => ({
  grant_type: 'client_credentials',
  client_id: SIMULATOR_CLIENT.id,
  client_secret: SIMULATOR_CLIENT.secret,
  scope: BOTH,
  ...overrides,
});

function expectUnauthorized(response: ApiResponse): void {
  expect(response.status).toBe(401);
  expect(response.text).toBe('');
}

function expectCheckoutError(
  response: ApiResponse,
  status: number,
  errorType: string,
  errorCodes: string[],
): void {
  expect(response.status).toBe(status);
  expect(contractViolations(response.body, 'ErrorResponse')).toEqual([]);
  expect(response.body).toMatchObject({ error_type: errorType, error_codes: errorCodes });
  expect(response.body.request_id).toBe(response.headers.get('cko-request-id'));
}

function expectTokenError(response: ApiResponse, error: string): void {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ error });
  expect(response.body.access_token).toBeUndefined();
}

/**
 * A well-formed access token response (RFC 6749 §4.4.3,
 * docs/checkout-sessions.md#token-response).
 */
function expectIssuedToken(response: ApiResponse, scope: string): void {
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.body).toEqual({
    access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    token_type: 'Bearer',
    expires_in: 3600,
    scope,
  });
  const header = jwtPart(response.body.access_token, 0);
  const claims = jwtPart(response.body.access_token, 1);
  expect(header.alg).toEqual(expect.any(String));
  expect(Number(claims.exp) - Number(claims.iat)).toBe(response.body.expires_in);
}

/**
 * Authentication of the simulated Sessions API as a plain HTTP client sees it: the OAuth token
 * endpoint, bearer tokens (expired, revoked, forged), channel scopes, and session secrets with
 * their restricted view. Every Checkout error body is checked against `ErrorResponse`.
 */
describe('simulator: authentication (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let api: CheckoutApi;
  expectConformingAnswers(() => api);
  let both: string;
  let browserOnly: string;
  let appOnly: string;

  beforeAll(async () => {
    simulator = await startSimulator();
    api = new CheckoutApi(simulator.url);
    both = await api.token(BOTH);
    browserOnly = await api.token('sessions:browser');
    appOnly = await api.token('sessions:app');
  });
  afterAll(async () => {
    await simulator.close();
  });

  /** A pending browser session (no channel data yet), created with a two-scope token. */
  async function pendingSession(auth = both): Promise<{ id: string; secret: string }> {
    const created = await api.createSession(auth, aSessionRequest({ number: FRICTIONLESS_Y }));
    expect(created.status).toBe(202);
    expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    return { id: created.body.id, secret: created.body.session_secret };
  }

  describe('POST /connect/token', () => {
    it('issues a Bearer JWT for client credentials sent in the form body', async () => {
      const response = await api.tokenRequest(clientCredentials());
      expectIssuedToken(response, BOTH);
    });

    it('issues a Bearer JWT for client credentials sent with HTTP Basic', async () => {
      const response = await api.tokenRequest(
        { grant_type: 'client_credentials', scope: BOTH },
        { authorization: basic(SIMULATOR_CLIENT.id, SIMULATOR_CLIENT.secret) },
      );
      expectIssuedToken(response, BOTH);
    });

    it.each(['sessions:browser', 'sessions:app'])(
      'grants exactly the requested scope %s',
      async (scope) => {
        const response = await api.tokenRequest(clientCredentials({ scope }));
        expectIssuedToken(response, scope);
      },
    );

    it('issues a token that authorises Sessions calls', async () => {
      const response = await api.tokenRequest(clientCredentials());
      const created = await api.createSession(
        `Bearer ${response.body.access_token}`,
        aSessionRequest(),
      );
      expect(created.status).toBe(202);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    });

    it('refuses a wrong client secret with 400 invalid_client', async () => {
      const response = await api.tokenRequest(clientCredentials({ client_secret: 'not-it' }));
      expectTokenError(response, 'invalid_client');
    });

    it('refuses an unknown client id with 400 invalid_client', async () => {
      const response = await api.tokenRequest(clientCredentials({ client_id: 'ack_nobody' }));
      expectTokenError(response, 'invalid_client');
    });

    it('refuses a scope it does not know with 400 invalid_scope', async () => {
      const response = await api.tokenRequest(
        clientCredentials({ scope: 'sessions:browser sessions:everything' }),
      );
      expectTokenError(response, 'invalid_scope');
    });

    it("grants the client's scopes when the request names none", async () => {
      const { scope: _none, ...form } = clientCredentials();
      expectIssuedToken(await api.tokenRequest(form), BOTH);
    });

    it('grants only the scopes the client is allowed: another is 400 invalid_scope', async () => {
      const browserClient = await startSimulator({ clientScopes: ['sessions:browser'] });
      try {
        const limited = new CheckoutApi(browserClient.url);
        const ask = (scope?: string) => {
          const { scope: _default, ...form } = clientCredentials();
          return limited.tokenRequest(scope === undefined ? form : { ...form, scope });
        };
        expectIssuedToken(await ask('sessions:browser'), 'sessions:browser');
        expectIssuedToken(await ask(), 'sessions:browser');
        expectTokenError(await ask('sessions:app'), 'invalid_scope');
        expectTokenError(await ask(BOTH), 'invalid_scope');
      } finally {
        await browserClient.close();
      }
    });

    it('refuses the password grant with 400 unsupported_grant_type', async () => {
      const response = await api.tokenRequest(
        clientCredentials({ grant_type: 'password', username: 'merchant', password: 'secret' }),
      );
      expectTokenError(response, 'unsupported_grant_type');
    });

    it('refuses a request without grant_type with 400 invalid_request', async () => {
      const { grant_type: _omitted, ...form } = clientCredentials();
      const response = await api.tokenRequest(form);
      expectTokenError(response, 'invalid_request');
    });

    it('counts issued tokens, and only issued tokens, in /_sim/counters', async () => {
      const before = await api.control('GET', '/counters');
      expect(before.status).toBe(200);
      await api.tokenRequest(clientCredentials());
      await api.tokenRequest(
        { grant_type: 'client_credentials', scope: BOTH },
        { authorization: basic(SIMULATOR_CLIENT.id, SIMULATOR_CLIENT.secret) },
      );
      await api.tokenRequest(clientCredentials({ client_secret: 'not-it' }));
      await api.tokenRequest(clientCredentials({ scope: 'vault' }));
      const after = await api.control('GET', '/counters');
      expect(after.body.tokens_issued).toBe(before.body.tokens_issued + 2);
    });
  });

  describe('Sessions endpoints without valid credentials', () => {
    let session: { id: string; secret: string };

    beforeAll(async () => {
      session = await pendingSession();
    });

    const calls: Array<[string, (auth: string | undefined) => Promise<ApiResponse>]> = [
      ['POST /sessions', (auth) => api.createSession(auth, aSessionRequest())],
      ['GET /sessions/{id}', (auth) => api.getSession(auth, session.id)],
      [
        'PUT /sessions/{id}/collect-data',
        (auth) => api.collectData(auth, session.id, aBrowserChannel()),
      ],
      [
        'PUT /sessions/{id}/issuer-fingerprint',
        (auth) => api.issuerFingerprint(auth, session.id, 'Y'),
      ],
      ['POST /sessions/{id}/complete', (auth) => api.complete(auth, session.id)],
    ];

    it.each(calls)('%s without Authorization is 401 with an empty body', async (_route, call) => {
      expectUnauthorized(await call(undefined));
    });

    it.each(calls)('%s with a garbage bearer token is 401 with an empty body', async (_, call) => {
      expectUnauthorized(await call('Bearer not-a-jwt'));
    });

    it('refuses a JWT signed with another key', async () => {
      const now = Math.floor(Date.now() / 1000);
      const forged = await new SignJWT({ scope: BOTH, client_id: SIMULATOR_CLIENT.id, gen: 0 })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer('checkout-simulator')
        .setSubject(SIMULATOR_CLIENT.id)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(randomBytes(32));
      expectUnauthorized(await api.getSession(`Bearer ${forged}`, session.id));
      expectUnauthorized(await api.createSession(`Bearer ${forged}`, aSessionRequest()));
    });

    it('refuses an unsigned (alg none) copy of a real token', async () => {
      const real = both.slice('Bearer '.length);
      const unsigned = `${b64url({ alg: 'none', typ: 'at+jwt' })}.${real.split('.')[1]}.`;
      expectUnauthorized(await api.getSession(`Bearer ${unsigned}`, session.id));
    });

    it('refuses an app-only token whose payload was edited to claim the browser scope', async () => {
      const [header, payload, signature] = appOnly.slice('Bearer '.length).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const widened = b64url({ ...claims, scope: BOTH });
      expect(widened).not.toBe(payload);
      expectUnauthorized(
        await api.getSession(`Bearer ${header}.${widened}.${signature}`, session.id),
      );
    });

    it('refuses client credentials sent as HTTP Basic to the Sessions API', async () => {
      expectUnauthorized(
        await api.getSession(basic(SIMULATOR_CLIENT.id, SIMULATOR_CLIENT.secret), session.id),
      );
    });

    it('changes nothing on the session when an unauthenticated update is refused', async () => {
      expectUnauthorized(await api.collectData(undefined, session.id, aBrowserChannel()));
      expectUnauthorized(await api.collectData('Bearer not-a-jwt', session.id, aBrowserChannel()));
      const read = await api.getSession(both, session.id);
      expect(read.status).toBe(200);
      expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
      expect(read.body).toMatchObject({
        status: 'pending',
        next_actions: ['collect_channel_data', 'issuer_fingerprint'],
      });
    });
  });

  describe('token lifetime and revocation', () => {
    let shortLived: SimulatorUnderTest;
    let shortApi: CheckoutApi;
    expectConformingAnswers(() => shortApi);

    beforeAll(async () => {
      // Long enough that real time never expires a token mid-test; the simulated clock does.
      shortLived = await startSimulator({ tokenTtlSeconds: 60 });
      shortApi = new CheckoutApi(shortLived.url);
    });
    afterAll(async () => {
      await shortLived.close();
    });

    it('reports the configured lifetime in expires_in (seconds)', async () => {
      const response = await shortApi.tokenRequest(clientCredentials());
      expect(response.status).toBe(200);
      expect(response.body.expires_in).toBe(60);
      const claims = jwtPart(response.body.access_token, 1);
      expect(Number(claims.exp) - Number(claims.iat)).toBe(60);
    });

    it('refuses a token once the simulated clock passes its expiry; a new token works', async () => {
      const token = await shortApi.token(BOTH);
      const created = await shortApi.createSession(token, aSessionRequest());
      expect(created.status).toBe(202);
      expect((await shortApi.getSession(token, created.body.id)).status).toBe(200);

      const advanced = await shortApi.control('POST', '/clock/advance', { ms: 61_000 });
      expect(advanced.status).toBeLessThan(300);

      expectUnauthorized(await shortApi.getSession(token, created.body.id));
      expectUnauthorized(await shortApi.createSession(token, aSessionRequest()));
      const fresh = await shortApi.token(BOTH);
      const read = await shortApi.getSession(fresh, created.body.id);
      expect(read.status).toBe(200);
      expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
      expect(read.body.id).toBe(created.body.id);
    });

    it('refuses a revoked token; a token issued after revocation works', async () => {
      const token = await shortApi.token(BOTH);
      const created = await shortApi.createSession(token, aSessionRequest());
      expect(created.status).toBe(202);

      const revoked = await shortApi.control('POST', '/tokens/revoke');
      expect(revoked.status).toBe(204);

      expectUnauthorized(await shortApi.getSession(token, created.body.id));
      expectUnauthorized(await shortApi.createSession(token, aSessionRequest()));
      const fresh = await shortApi.token(BOTH);
      const read = await shortApi.getSession(fresh, created.body.id);
      expect(read.status).toBe(200);
      expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
      const another = await shortApi.createSession(fresh, aSessionRequest());
      expect(another.status).toBe(202);
      expect(contractViolations(another.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    });
  });

  describe('channel scopes', () => {
    it('refuses browser channel_data at creation from an app-only token with 403 operation_not_allowed_for_scope', async () => {
      const before = await api.control('GET', '/counters');
      const created = await api.createSession(
        appOnly,
        aSessionRequest({ channel_data: aBrowserChannel() }),
      );
      expectCheckoutError(created, 403, 'operation_not_allowed', [
        'operation_not_allowed_for_scope',
      ]);
      const after = await api.control('GET', '/counters');
      expect(after.body.sessions_created).toBe(before.body.sessions_created);
    });

    it('lets an app-only token create and read an app-channel session', async () => {
      const created = await api.createSession(
        appOnly,
        aSessionRequest({ channel_data: anAppChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      const read = await api.getSession(appOnly, created.body.id);
      expect(read.status).toBe(200);
      expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
    });

    it('lets a browser-only token create a session with browser channel_data', async () => {
      const created = await api.createSession(
        browserOnly,
        aSessionRequest({ channel_data: aBrowserChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      expect(created.body.status).toBe('approved');
    });

    it('refuses an app-only token reading a session started with a browser-scoped token (403)', async () => {
      const { id } = await pendingSession(browserOnly);
      const read = await api.getSession(appOnly, id);
      expectCheckoutError(read, 403, 'operation_not_allowed', ['operation_not_allowed_for_scope']);
      const byOwner = await api.getSession(browserOnly, id);
      expect(byOwner.status).toBe(200);
      expect(contractViolations(byOwner.body, 'GetSessionResponse')).toEqual([]);
    });

    it('refuses an app-only token updating a browser session with browser channel data (403)', async () => {
      const { id } = await pendingSession(browserOnly);
      const updated = await api.collectData(appOnly, id, aBrowserChannel());
      expectCheckoutError(updated, 403, 'operation_not_allowed', [
        'operation_not_allowed_for_scope',
      ]);
      expect((await api.getSession(browserOnly, id)).body.status).toBe('pending');
    });

    it('refuses an app-only token calling issuer-fingerprint with 403 operation_not_allowed_for_scope', async () => {
      const created = await api.createSession(appOnly, aSessionRequest());
      expect(created.status).toBe(202);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
      const fingerprinted = await api.issuerFingerprint(appOnly, created.body.id, 'Y');
      expectCheckoutError(fingerprinted, 403, 'operation_not_allowed', [
        'operation_not_allowed_for_scope',
      ]);
    });

    it('refuses an app-only token calling issuer-fingerprint on a browser session (403)', async () => {
      const { id } = await pendingSession(both);
      const fingerprinted = await api.issuerFingerprint(appOnly, id, 'Y');
      expectCheckoutError(fingerprinted, 403, 'operation_not_allowed', [
        'operation_not_allowed_for_scope',
      ]);
      const read = await api.getSession(both, id);
      expect(read.body.next_actions).toEqual(['collect_channel_data', 'issuer_fingerprint']);
    });
  });

  describe('session secret (raw `Authorization: sek_...`)', () => {
    it('reads its own pending session, without the secret in the body', async () => {
      const { id, secret } = await pendingSession();
      expect(secret).toMatch(/^sek_.{44}$/);
      const read = await api.getSession(secret, id);
      expect(read.status).toBe(200);
      expect(contractViolations(read.body, 'GetSessionResponse')).toEqual([]);
      expect(read.body).toMatchObject({ id, status: 'pending' });
      expect(read.body.session_secret).toBeUndefined();
    });

    it('reports the issuer fingerprint of its own session', async () => {
      const { id, secret } = await pendingSession();
      const fingerprinted = await api.issuerFingerprint(secret, id, 'Y');
      expect(fingerprinted.status).toBe(200);
      expect(
        contractViolations(fingerprinted.body, 'GetSessionResponseAfterChannelDataSupplied'),
      ).toEqual([]);
      expect(fingerprinted.body).toMatchObject({
        id,
        status: 'pending',
        next_actions: ['collect_channel_data'],
      });
      expect(fingerprinted.body.session_secret).toBeUndefined();
    });

    it('collects channel data and completes its own session, seeing no cryptogram, eci or secret', async () => {
      const { id, secret } = await pendingSession();
      const collected = await api.collectData(secret, id, aBrowserChannel());
      expect(collected.status).toBe(200);
      expect(contractViolations(collected.body, 'GetSessionResponse')).toEqual([]);
      expect(collected.body).toMatchObject({ id, status: 'approved', next_actions: ['complete'] });
      expect(collected.body.cryptogram).toBeUndefined();
      expect(collected.body.eci).toBeUndefined();
      expect(collected.body.session_secret).toBeUndefined();

      const completed = await api.complete(secret, id);
      expect(completed.status).toBe(204);
      expect(completed.text).toBe('');
      const read = await api.getSession(both, id);
      expect(read.body).toMatchObject({ completed: true, next_actions: [] });
    });

    it('reads a final browser session without cryptogram, eci and session_secret, which OAuth sees', async () => {
      const created = await api.createSession(
        both,
        aSessionRequest({ number: FRICTIONLESS_Y, channel_data: aBrowserChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      expect(created.body.status).toBe('approved');
      const { id, session_secret: secret } = created.body;

      const viaOauth = await api.getSession(both, id);
      expect(viaOauth.status).toBe(200);
      expect(contractViolations(viaOauth.body, 'GetSessionResponse')).toEqual([]);
      expect(viaOauth.body).toMatchObject({
        status: 'approved',
        eci: '05',
        session_secret: secret,
      });
      expect(viaOauth.body.cryptogram).toMatch(/^[A-Za-z0-9+/]{27}=$/);

      const viaSecret = await api.getSession(secret, id);
      expect(viaSecret.status).toBe(200);
      expect(contractViolations(viaSecret.body, 'GetSessionResponse')).toEqual([]);
      expect(viaSecret.body).toMatchObject({ id, status: 'approved', approved: true });
      expect(viaSecret.body).not.toHaveProperty('cryptogram');
      expect(viaSecret.body).not.toHaveProperty('eci');
      expect(viaSecret.body).not.toHaveProperty('session_secret');
    });

    it('reads a final app session without certificates, cryptogram, eci and session_secret, which OAuth sees', async () => {
      const created = await api.createSession(
        both,
        aSessionRequest({ number: FRICTIONLESS_Y, channel_data: anAppChannel() }),
      );
      expect(created.status).toBe(201);
      expect(contractViolations(created.body, 'CreateSessionOkResponse')).toEqual([]);
      const { id, session_secret: secret } = created.body;

      const viaOauth = await api.getSession(both, id);
      expect(viaOauth.status).toBe(200);
      expect(contractViolations(viaOauth.body, 'GetSessionResponse')).toEqual([]);
      expect(viaOauth.body).toMatchObject({
        status: 'approved',
        eci: '05',
        session_secret: secret,
      });
      expect(viaOauth.body.cryptogram).toEqual(expect.any(String));
      expect(viaOauth.body.certificates).toEqual(expect.any(Object));

      const viaSecret = await api.getSession(secret, id);
      expect(viaSecret.status).toBe(200);
      expect(contractViolations(viaSecret.body, 'GetSessionResponse')).toEqual([]);
      expect(viaSecret.body).toMatchObject({ id, status: 'approved' });
      expect(viaSecret.body).not.toHaveProperty('certificates');
      expect(viaSecret.body).not.toHaveProperty('cryptogram');
      expect(viaSecret.body).not.toHaveProperty('eci');
      expect(viaSecret.body).not.toHaveProperty('session_secret');
    });

    it("refuses another session's secret with 401 on every session endpoint", async () => {
      const target = await pendingSession();
      const other = await pendingSession();
      expectUnauthorized(await api.getSession(other.secret, target.id));
      expectUnauthorized(await api.collectData(other.secret, target.id, aBrowserChannel()));
      expectUnauthorized(await api.issuerFingerprint(other.secret, target.id, 'Y'));
      expectUnauthorized(await api.complete(other.secret, target.id));
      const read = await api.getSession(both, target.id);
      expect(read.body).toMatchObject({
        status: 'pending',
        next_actions: ['collect_channel_data', 'issuer_fingerprint'],
      });
    });

    it('refuses a well-formed secret that belongs to no session with 401', async () => {
      const { id } = await pendingSession();
      const unknown = `sek_${randomBytes(32).toString('base64')}`;
      expectUnauthorized(await api.getSession(unknown, id));
    });

    it('cannot create a session (401 with an empty body)', async () => {
      const { secret } = await pendingSession();
      expectUnauthorized(await api.createSession(secret, aSessionRequest()));
      expectUnauthorized(
        await api.createSession(secret, aSessionRequest({ channel_data: aBrowserChannel() })),
      );
    });
  });
});
