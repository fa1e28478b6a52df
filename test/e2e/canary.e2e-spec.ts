import { compareAnswers, describeDifference } from '../../scripts/canary/compare.mjs';
import {
  SIMULATOR_BUNDLE,
  runBuiltApp,
  runScript,
  type AppProcess,
} from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { SIMULATOR_CLIENT } from '../support/simulator/simulator-app.js';

const SKIPPED =
  "canary: skipped (set CHECKOUT_SANDBOX_CLIENT_ID and CHECKOUT_SANDBOX_CLIENT_SECRET to run it against Checkout's sandbox)";

/** `npm run canary`'s script with only `env` (and PATH): no credential leaks in from the shell. */
const runCanary = (env: Record<string, string> = {}) => runScript('scripts/canary.mjs', [], env);

/** A frictionless approval as Checkout answers `POST /sessions` with browser data. */
function approvedSession(host: string, id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    session_secret: `sek_${id.slice(4)}0000000000000000000=`,
    transaction_id: '4eab4151-4472-4187-93e0-156a0e22312b',
    scheme: 'visa',
    amount: 1000,
    currency: 'GBP',
    completed: false,
    challenged: false,
    authentication_type: 'regular',
    status: 'approved',
    status_reason: 'ares_status',
    approved: true,
    protocol_version: '2.2.0',
    next_actions: ['complete'],
    acs: { transaction_id: 'e2db6afe-0000-4000-8000-000000000000', challenge_mandated: false },
    cryptogram: 'AAABAVIREQAAAAAAAAAAAAAAAAA=',
    eci: '05',
    authentication_date: '2026-01-02T03:04:05.678Z',
    _links: {
      self: { href: `${host}/sessions/${id}` },
      complete: { href: `${host}/sessions/${id}/complete` },
      three_ds_method_url: { href: `${host}/acs/3ds-method` },
    },
    ...overrides,
  };
}

const SANDBOX_HOST = 'https://api.sandbox.checkout.com';
const SIMULATOR_HOST = 'http://127.0.0.1:40001';

describe('the canary comparison', () => {
  it('sees nothing where only ids, secrets, timestamps and links’ hosts differ', () => {
    const sandbox = approvedSession(SANDBOX_HOST, 'sid_aaaaaaaaaaaaaaaaaaaaaaaaaa');
    const simulator = approvedSession(SIMULATOR_HOST, 'sid_bbbbbbbbbbbbbbbbbbbbbbbbbb', {
      transaction_id: '22ceca4a-7967-429e-8ee6-ce46d16ef117',
      authentication_date: '2027-12-31T23:59:59.000Z',
      protocol_version: '2.1.0',
      cryptogram: 'AAABBBIREQAAAAAAAAAAAAAAAAA=',
      next_actions: ['complete'],
    });

    expect(
      compareAnswers({ status: 201, body: sandbox }, { status: 201, body: simulator }),
    ).toEqual([]);
  });

  it('reports a status, a missing field, a type, next actions, a link path and the protocol', () => {
    const sandbox = approvedSession(SANDBOX_HOST, 'sid_aaaaaaaaaaaaaaaaaaaaaaaaaa', {
      cardholder_info: 'Additional authentication is needed',
    });
    const simulator = approvedSession(SIMULATOR_HOST, 'sid_bbbbbbbbbbbbbbbbbbbbbbbbbb', {
      status: 'challenged',
      next_actions: ['challenge_cardholder'],
      amount: '1000',
      protocol_version: '1.0.2',
      _links: {
        self: { href: `${SIMULATOR_HOST}/sessions/sid_bbbbbbbbbbbbbbbbbbbbbbbbbb` },
        complete: { href: `${SIMULATOR_HOST}/sessions/sid_bbbbbbbbbbbbbbbbbbbbbbbbbb/finish` },
        three_ds_method_url: { href: `${SIMULATOR_HOST}/acs/3ds-method` },
      },
    });

    const lines = compareAnswers(
      { status: 201, body: sandbox },
      { status: 202, body: simulator },
    ).map((difference) => describeDifference('frictionless 448504…6584 create', difference));

    expect(lines).toEqual([
      'canary: frictionless 448504…6584 create: HTTP status: sandbox 201, simulator 202',
      'canary: frictionless 448504…6584 create: _links.complete.href: sandbox /sessions/{id}/complete, simulator /sessions/{id}/finish',
      'canary: frictionless 448504…6584 create: amount: sandbox number, simulator string',
      'canary: frictionless 448504…6584 create: cardholder_info: sandbox string, simulator absent',
      'canary: frictionless 448504…6584 create: next_actions: sandbox ["complete"], simulator ["challenge_cardholder"]',
      'canary: frictionless 448504…6584 create: protocol_version: sandbox "2.2.0", simulator "1.0.2"',
      'canary: frictionless 448504…6584 create: status: sandbox "approved", simulator "challenged"',
    ]);
    // Secrets and cryptograms are compared by type only, so their values are never printed.
    expect(lines.join('\n')).not.toMatch(/sek_|AAABAV/);
  });

  it('compares an empty answer (204) with a body, and error codes by value', () => {
    expect(compareAnswers({ status: 204 }, { status: 204 })).toEqual([]);
    expect(
      compareAnswers(
        { status: 204 },
        {
          status: 403,
          body: {
            error_type: 'operation_not_allowed',
            error_codes: ['update_not_allowed_due_to_state'],
          },
        },
      ),
    ).toEqual([
      { path: 'HTTP status', sandbox: '204', simulator: '403' },
      { path: 'body', sandbox: 'absent', simulator: 'object' },
    ]);
    expect(
      compareAnswers(
        {
          status: 403,
          body: {
            request_id: '0HL80RJLS76I7',
            error_type: 'operation_not_allowed',
            error_codes: ['card_not_enrolled'],
          },
        },
        {
          status: 403,
          body: {
            request_id: 'req_simulated',
            error_type: 'operation_not_allowed',
            error_codes: ['issuer_not_enrolled'],
          },
        },
      ),
    ).toEqual([
      {
        path: 'error_codes',
        sandbox: '["card_not_enrolled"]',
        simulator: '["issuer_not_enrolled"]',
      },
    ]);
  });
});

/**
 * `npm run canary` (docs/simulator.md#sandbox-canary). There is no Checkout sandbox in the
 * tests: a second simulator stands in for it through the URL overrides, so the whole run (token,
 * both cases, every step, the simulator it starts itself) is exercised and must find nothing to
 * report.
 */
describe('npm run canary (e2e)', () => {
  let standIn: AppProcess;
  let standInUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    standIn = runBuiltApp(SIMULATOR_BUNDLE, {
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_FORMAT: 'json',
      SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
      SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    });
    await standIn.waitFor(/Checkout simulator listening on/);
    standInUrl = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    standIn?.child.kill('SIGTERM');
    await standIn?.exited();
  });

  const sandboxEnv = (overrides: Record<string, string> = {}): Record<string, string> => ({
    CHECKOUT_SANDBOX_CLIENT_ID: SIMULATOR_CLIENT.id,
    CHECKOUT_SANDBOX_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    CHECKOUT_SANDBOX_PROCESSING_CHANNEL_ID: 'pc_canarystandinchannel000000',
    CHECKOUT_SANDBOX_API_URL: standInUrl,
    CHECKOUT_SANDBOX_TOKEN_URL: `${standInUrl}/connect/token`,
    ...overrides,
  });

  it('without credentials, says it is skipped in one line and exits 0', async () => {
    const { code, output } = await runCanary();

    expect({ code, output }).toEqual({ code: 0, output: `${SKIPPED}\n` });
  });

  it('runs both cards through every step against the sandbox and the simulator', async () => {
    const { code, output } = await runCanary(sandboxEnv());

    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('frictionless 448504…6584, challenge 424242…4242');
    expect(output.trim().split('\n').at(-1)).toBe('canary: 0 differences');
    expect(output).not.toMatch(/4485040371536584|4242424242424242/);
    expect(output).not.toContain(SIMULATOR_CLIENT.secret);
  }, 60_000);

  it('exits 2 with one clear line when the sandbox cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { code, output } = await runCanary(
      sandboxEnv({ CHECKOUT_SANDBOX_TOKEN_URL: `${closed}/connect/token` }),
    );

    expect(code).toBe(2);
    expect(output).toMatch(
      /^canary: cannot reach Checkout sandbox: POST http:\/\/127\.0\.0\.1:\d+\/connect\/token: .*ECONNREFUSED/m,
    );
    expect(output).not.toContain(SIMULATOR_CLIENT.secret);
  }, 60_000);

  it('exits 2 when the sandbox refuses the credentials, without printing them', async () => {
    const { code, output } = await runCanary(
      sandboxEnv({ CHECKOUT_SANDBOX_CLIENT_SECRET: 'not-the-canary-secret' }),
    );

    expect(code).toBe(2);
    expect(output).toContain(
      'canary: Checkout sandbox refused the token request: 400 invalid_client',
    );
    expect(output).not.toContain('not-the-canary-secret');
  }, 60_000);
});
