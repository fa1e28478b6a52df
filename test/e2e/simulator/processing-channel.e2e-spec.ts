import { SIMULATOR_BUNDLE, runBuiltApp, type AppProcess } from '../../support/app-process.js';
import { contractViolations } from '../../support/checkout-contract.js';
import { freePort } from '../../support/free-port.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aSessionRequest } from '../../support/simulator/factories.js';
import { SIMULATOR_CLIENT } from '../../support/simulator/simulator-app.js';

const A_PROCESSING_CHANNEL = `pc_${'r'.repeat(26)}`;

/** The built simulator as an operator runs it, with exactly these variables (and PATH). */
async function runSimulator(
  env: Record<string, string>,
): Promise<{ process: AppProcess; api: CheckoutApi }> {
  const port = await freePort();
  const process = runBuiltApp(SIMULATOR_BUNDLE, {
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_FORMAT: 'json',
    SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
    SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    ...env,
  });
  return { process, api: new CheckoutApi(`http://127.0.0.1:${port}`) };
}

async function stop(process: AppProcess): Promise<void> {
  if (process.child.exitCode !== null) return;
  process.child.kill('SIGTERM');
  await process.exited();
}

/**
 * Checkout requires `processing_channel_id` unless the API client is bound to a processing
 * channel. SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID says which: a `pc_` id (the default is one) or
 * `none`.
 */
describe('simulator: processing channel of the OAuth client (e2e)', () => {
  // An empty variable is an unset one, as everywhere in this project's configuration.
  it.each<Record<string, string>>([{}, { SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: '' }])(
    'by default (%j) the client is bound: a request without processing_channel_id is accepted',
    async (env) => {
      const { process, api } = await runSimulator(env);
      try {
        await process.waitFor(/Checkout simulator listening on/);
        const created = await api.createSession(await api.token(), aSessionRequest());
        expect(created.status).toBe(202);
        expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
      } finally {
        await stop(process);
      }
    },
    60_000,
  );

  it('an unbound client (none) must send processing_channel_id: 422 processing_channel_id_required', async () => {
    const { process, api } = await runSimulator({ SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: 'none' });
    try {
      await process.waitFor(/Checkout simulator listening on/);
      const token = await api.token();
      const refused = await api.createSession(token, aSessionRequest());
      expect(refused.status).toBe(422);
      expect(contractViolations(refused.body, 'ErrorResponse')).toEqual([]);
      expect(refused.body).toMatchObject({
        error_type: 'unprocessable_entity',
        error_codes: ['processing_channel_id_required'],
      });
      const created = await api.createSession(
        token,
        aSessionRequest({ processing_channel_id: A_PROCESSING_CHANNEL }),
      );
      expect(created.status).toBe(202);
      expect(contractViolations(created.body, 'CreateSessionAcceptedResponse')).toEqual([]);
    } finally {
      await stop(process);
    }
  }, 60_000);

  it.each(['pc_short', 'unbound'])(
    'refuses to start with SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID=%s',
    async (value) => {
      const { process } = await runSimulator({ SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: value });
      try {
        const stillRunning = new Promise<string>((resolve) =>
          setTimeout(() => resolve('still running'), 20_000).unref(),
        );
        const exitCode = await Promise.race([process.exited(), stillRunning]);
        expect(exitCode).not.toBe('still running');
        expect(exitCode).not.toBe(0);
        expect(process.output()).toContain('SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID');
      } finally {
        await stop(process);
      }
    },
    60_000,
  );
});
