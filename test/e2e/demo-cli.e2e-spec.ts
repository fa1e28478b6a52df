import { spawn } from 'node:child_process';
import { SIMULATOR_BUNDLE, runBuiltApp, type AppProcess } from '../support/app-process.js';
import { emptyTables } from '../support/e2e-database.js';
import { freePort } from '../support/free-port.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { SIMULATOR_CLIENT } from '../support/simulator/simulator-app.js';
import { TEAM_A, testDatabaseUrl } from '../support/test-config.js';

const FORMATS = ['generic', 'checkout', 'stripe', 'adyen'];

/** Runs `npm run demo:cli`'s script against `url`; resolves with its exit code and output. */
function runDemoCli(url: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['scripts/demo-cli.mjs'], {
    env: {
      PATH: process.env.PATH ?? '',
      DEMO_ORCHESTRATOR_URL: url,
      DEMO_API_KEY: TEAM_A.apiKey,
      DEMO_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const count = (text: string, pattern: RegExp): number =>
  text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

/**
 * The scripted walk-through (README) against the built apps, each its own process, as a
 * developer runs it after `npm start`: it must keep working as the API and the simulator move.
 */
describe('npm run demo:cli (e2e)', () => {
  let simulator: AppProcess;
  let orchestrator: OrchestratorProcess;

  beforeAll(async () => {
    await emptyTables(testDatabaseUrl());
    const port = await freePort();
    simulator = runBuiltApp(SIMULATOR_BUNDLE, {
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_FORMAT: 'json',
      SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
      SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    });
    await simulator.waitFor(/Checkout simulator listening on/);
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: `http://127.0.0.1:${port}`,
      // Room for a busy machine: a Checkout call answered late would end the walk-through.
      env: { CHECKOUT_TIMEOUT_MS: '5000', RECHECK_CREATION_MS: '25000' },
    });
  }, 60_000);

  afterAll(async () => {
    await orchestrator?.stop();
    simulator?.child.kill('SIGTERM');
    await simulator?.exited();
    await emptyTables(testDatabaseUrl());
  });

  it('runs a frictionless and a challenge flow to `completed` and prints every result format', async () => {
    const { code, output } = await runDemoCli(orchestrator.url);

    expect({ code, output }).toMatchObject({ code: 0 });
    // Frictionless: the 3DS Method ran through the issuer's page and our notification URL.
    expect(output).toMatch(
      /awaiting_issuer_fingerprint → awaiting_channel_data\s+method_notification/,
    );
    // Challenge: the password went to the ACS page, whose CRes came back to us.
    expect(output).toMatch(/challenge_required → result_ready\s+challenge_notification/);
    expect(count(output, /result_ready → completed/)).toBe(2);
    for (const format of FORMATS) {
      expect(count(output, new RegExp(`Result, format=${format}\\n`))).toBe(2);
    }
    expect(output).toContain('"directoryResponse": "C"');
    expect(output).toContain('"authenticationResponse": "Y"');
    expect(output).toContain('Both authentications completed.');
    expect(output).not.toMatch(/4485040371536584|4242424242424242/);

    // The team's own view agrees: two authentications, both completed and authenticated.
    const listed = await fetch(`${orchestrator.url}/v1/authentications?limit=10`, {
      headers: { authorization: `Bearer ${TEAM_A.apiKey}` },
    });
    const { data } = (await listed.json()) as {
      data: { reference: string; state: string; outcome: string }[];
    };
    expect(data).toHaveLength(2);
    for (const authentication of data) {
      expect(authentication).toMatchObject({
        reference: expect.stringMatching(/^DEMO-\w+-[FC]$/),
        state: 'completed',
        outcome: 'authenticated',
      });
    }
  }, 120_000);

  it('says what is wrong when no orchestrator answers', async () => {
    const { code, output } = await runDemoCli(`http://127.0.0.1:${await freePort()}`);

    expect(code).toBe(1);
    expect(output).toContain('is `npm start` running?');
  });
});
