import {
  ORCHESTRATOR_BUNDLE,
  SIMULATOR_BUNDLE,
  runBuiltApp,
  type AppProcess,
} from '../support/app-process.js';
import { BASE_ENV, startOrchestratorProcess } from '../support/orchestrator-processes.js';
import { emptyTables } from '../support/e2e-database.js';
import { runBuiltSimulator } from '../support/simulator/simulator-process.js';
import { testDatabaseUrl } from '../support/test-config.js';

/** Nothing listens on the discard port: these starts never call Checkout. */
const NO_CHECKOUT = 'http://127.0.0.1:9';
/** A start prints a handful of lines; before route mapping went to debug it printed 80. */
const MAX_START_LINES = 10;
const PRETTY_ENTRY = /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] (TRACE|DEBUG|INFO|WARN|ERROR|FATAL): \S/;

const linesOf = (output: string): string[] =>
  output
    .replace(/\x1b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex
    .split('\n')
    .filter((line) => line.trim() !== '');

async function stop(app: AppProcess): Promise<void> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
  await app.exited();
}

describe('process logs (e2e)', () => {
  // Jobs an earlier spec of this worker left would run at start and log their provider calls.
  beforeEach(() => emptyTables(testDatabaseUrl()));

  it('starts the orchestrator at the default level in a handful of lines, no route mapping', async () => {
    const orchestrator = await startOrchestratorProcess({ simulatorUrl: NO_CHECKOUT });
    try {
      const lines = linesOf(orchestrator.app.output());
      // The lines themselves when there are too many: what printed them is the finding.
      expect(lines.length > MAX_START_LINES ? lines : []).toEqual([]);
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
      expect(orchestrator.app.output()).not.toMatch(/Mapped \{|RoutesResolver|InstanceLoader/);
    } finally {
      await orchestrator.stop();
    }
  });

  it('prints each entry on one line in pretty mode, access lines included', async () => {
    const orchestrator = await startOrchestratorProcess({
      simulatorUrl: NO_CHECKOUT,
      env: { LOG_FORMAT: 'pretty' },
    });
    try {
      expect((await fetch(`${orchestrator.url}/health/ready`)).status).toBe(200);
      await orchestrator.app.waitFor(/request completed/);
      const lines = linesOf(orchestrator.app.output());
      expect(lines.filter((line) => !PRETTY_ENTRY.test(line))).toEqual([]);
      expect(lines.find((line) => line.includes('request completed'))).toMatch(
        /"route":"\/health\/ready","status":200/,
      );
    } finally {
      await orchestrator.stop();
    }
  });

  it('refuses a bad orchestrator configuration in exactly one JSON line', async () => {
    const app = runBuiltApp(ORCHESTRATOR_BUNDLE, { ...BASE_ENV, PORT: 'not-a-port' });
    await expect(app.exited()).resolves.toBe(1);
    const lines = linesOf(app.output());
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'fatal',
      problems: expect.arrayContaining([expect.objectContaining({ setting: 'PORT' })]),
    });
  });

  it('refuses a bad simulator configuration in exactly one JSON line', async () => {
    const app = runBuiltApp(SIMULATOR_BUNDLE, { LOG_FORMAT: 'json', PORT: 'not-a-port' });
    await expect(app.exited()).resolves.toBe(1);
    const lines = linesOf(app.output());
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'fatal',
      message: {
        problems: expect.arrayContaining([
          expect.objectContaining({ setting: 'PORT' }),
          expect.objectContaining({ setting: 'SIMULATOR_CLIENT_ID' }),
        ]),
      },
    });
  });

  it('logs one line per simulator request: method, path, status and milliseconds', async () => {
    const { app: simulator, url } = await runBuiltSimulator();
    try {
      await simulator.waitFor(/Checkout simulator listening/);
      expect((await fetch(`${url}/_sim/health`)).status).toBe(200);
      expect((await fetch(`${url}/sessions/sid_unknown?expand=1`)).status).toBe(401);
      await simulator.waitFor(/GET \/sessions\/sid_unknown 401/);

      const requests = linesOf(simulator.output())
        .map((line) => JSON.parse(line) as { context: string; message: string })
        .filter((entry) => entry.context === 'Access')
        .map((entry) => entry.message);
      expect(requests).toEqual([
        expect.stringMatching(/^GET \/_sim\/health 200 \d+ ms$/),
        expect.stringMatching(/^GET \/sessions\/sid_unknown 401 \d+ ms$/),
      ]);
    } finally {
      await stop(simulator);
    }
  });
});
