import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { TeamApi } from '../support/api.js';
import { runProcess, type AppProcess } from '../support/app-process.js';
import { emptyTables } from '../support/e2e-database.js';
import { HttpRecorder } from '../support/http-recorder.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { aCreateBody } from '../support/result-expectations.js';
import { aBrowserChannel } from '../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A, testDatabaseUrl } from '../support/test-config.js';
import { traversableTempDir } from '../support/temp-dir.js';

/** Frictionless, no 3DS Method URL: the create with channel data ends at result_ready. */
const FRICTIONLESS_NO_METHOD = '4556085951507152';

/**
 * `npm run events:listen -- --forward …` as a developer runs it against a development
 * orchestrator (private targets allowed): a temporary endpoint, each event printed and forwarded
 * with the orchestrator's signature intact, the endpoint removed on SIGTERM.
 */
describe('npm run events:listen (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;
  let target: HttpRecorder;
  let listener: AppProcess;
  let api: TeamApi;
  let secretDir: string;

  beforeAll(async () => {
    await emptyTables(testDatabaseUrl());
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({ simulatorUrl: simulator.url });
    target = await HttpRecorder.start();
    api = new TeamApi(orchestrator.url, TEAM_A.apiKey);
    secretDir = await traversableTempDir('events-listen-');
  });

  afterAll(async () => {
    if (listener?.child.exitCode === null) listener.child.kill('SIGKILL');
    await target?.close();
    await orchestrator?.stop();
    await simulator?.close();
    await emptyTables(testDatabaseUrl());
    if (secretDir) await rm(secretDir, { recursive: true, force: true });
  });

  it('prints the event, forwards it verifiably signed, and removes its endpoint on exit', async () => {
    // A file rather than the output: what processes print joins the logs the leak scan reads.
    const secretFile = join(secretDir, 'secret');
    const forward = ['--forward', target.to('/hooks'), '--secret-file', secretFile];
    listener = runProcess(process.execPath, ['scripts/events-listen.mjs', ...forward], {
      env: {
        PATH: process.env.PATH ?? '',
        THREEDS_ORCHESTRATOR_URL: orchestrator.url,
        THREEDS_API_KEY: TEAM_A.apiKey,
      },
    });
    const [, endpointId] = await listener.waitFor(/Ready\. Endpoint (ep_\w+)/);
    await listener.waitFor(/Signing secret written to/);
    const secret = (await readFile(secretFile, 'utf8')).trim();

    const { body: created } = await api
      .create(aCreateBody(FRICTIONLESS_NO_METHOD, { channel_data: aBrowserChannel() }))
      .expect(201);
    await listener.waitFor(new RegExp(`authentication\\.completed  ${created.id}  msg_\\w+`));
    await listener.waitFor(/→ http:\/\/127\.0\.0\.1:\d+\/hooks 200/);

    const [forwarded] = target.received('/hooks');
    const event = new Webhook(secret).verify(forwarded.rawBody, {
      'webhook-id': forwarded.headers['webhook-id'] as string,
      'webhook-timestamp': forwarded.headers['webhook-timestamp'] as string,
      'webhook-signature': forwarded.headers['webhook-signature'] as string,
    });
    expect(event).toMatchObject({
      type: 'authentication.completed',
      data: { authentication_id: created.id },
    });

    listener.child.kill('SIGTERM');
    await expect(listener.exited()).resolves.toBe(0);
    expect(listener.output()).toContain(`Removed endpoint ${endpointId}.`);
    expect(listener.output()).not.toContain(TEAM_A.apiKey);
    const endpoints = await fetch(`${orchestrator.url}/v1/webhook-endpoints`, {
      headers: { authorization: `Bearer ${TEAM_A.apiKey}` },
    });
    const { data } = (await endpoints.json()) as { data: Array<{ id: string }> };
    expect(data.map((endpoint) => endpoint.id)).not.toContain(endpointId);
  });

  it('exits with the reason when the orchestrator refuses the key', async () => {
    const refused = runProcess(process.execPath, ['scripts/events-listen.mjs'], {
      env: {
        PATH: process.env.PATH ?? '',
        THREEDS_ORCHESTRATOR_URL: orchestrator.url,
        THREEDS_API_KEY: 'not-a-key-of-any-team-000',
      },
    });

    await expect(refused.exited()).resolves.toBe(1);
    expect(refused.output()).toMatch(/POST \/v1\/webhook-endpoints: 401/);
  });
});
