import request from 'supertest';
import { emptyTables } from '../../support/e2e-database.js';
import { freePort } from '../../support/free-port.js';
import { startOrchestrator, type OrchestratorUnderTest } from '../../support/orchestrator-app.js';
import { RecordingProxy } from '../../support/recording-proxy.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import {
  SIMULATOR_CLIENT,
  startSimulator,
  type SimulatorUnderTest,
} from '../../support/simulator/simulator-app.js';
import { TEAM_A, testDatabaseUrl } from '../../support/test-config.js';

/** Enrolled, with a 3DS Method URL: the flow asks for the issuer's fingerprint first. */
const METHOD_CARD = '4485040371536584';

/**
 * The 3DS Method's outcome (EMV threeDSCompInd) reaches Checkout with the browser data sent
 * afterwards, as it was reported; a value the team sends itself wins.
 */
describe('3DS Method completion carried into channel data (e2e)', () => {
  let simulator: SimulatorUnderTest;
  let checkout: RecordingProxy;
  let orchestrator: OrchestratorUnderTest;
  let keys = 0;

  beforeAll(async () => {
    simulator = await startSimulator();
    checkout = await RecordingProxy.start(simulator.url);
    orchestrator = await startOrchestrator({
      port: await freePort(),
      checkout: {
        apiUrl: checkout.url,
        tokenUrl: `${checkout.url}/connect/token`,
        clientId: SIMULATOR_CLIENT.id,
        clientSecret: SIMULATOR_CLIENT.secret,
      },
    });
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    checkout.clear();
  });
  afterAll(async () => {
    await orchestrator.close();
    await checkout.close();
    await simulator.close();
  });

  const api = (path: string, body: object) =>
    request(orchestrator.http)
      .post(path)
      .set('authorization', `Bearer ${TEAM_A.apiKey}`)
      .set('idempotency-key', `method-completion-${++keys}`)
      .send(body);

  /** Created without browser data, fingerprint reported as `completion`, then browser data. */
  async function collectDataAfterFingerprint(completion: string, browser: object) {
    const created = await api('/v1/authentications', aCreateBody(METHOD_CARD)).expect(201);
    expect(created.body.state).toBe('awaiting_issuer_fingerprint');
    const id = created.body.id as string;
    await api(`/v1/authentications/${id}/issuer-fingerprint`, { completion }).expect(200);
    await api(`/v1/authentications/${id}/channel-data`, { channel_data: browser }).expect(200);
    const sessionId = created.body.checkout_session_id as string;
    return checkout.sent('PUT', `/sessions/${sessionId}/collect-data`).map((sent) => sent.body);
  }

  it('sends the reported completion when the team sends none', async () => {
    const bodies = await collectDataAfterFingerprint('Y', aBrowserChannel());
    expect(bodies).toEqual([expect.objectContaining({ three_ds_method_completion: 'Y' })]);
  });

  it("keeps the team's own value", async () => {
    const browser = aBrowserChannel({ three_ds_method_completion: 'U' });
    const bodies = await collectDataAfterFingerprint('N', browser);
    expect(bodies).toEqual([expect.objectContaining({ three_ds_method_completion: 'U' })]);
  });
});
