import { type AppProcess } from '../../support/app-process.js';
import { contractViolations } from '../../support/checkout-contract.js';
import { CheckoutApi } from '../../support/simulator/checkout-api.js';
import { aSessionRequest } from '../../support/simulator/factories.js';
import { runBuiltSimulator } from '../../support/simulator/simulator-process.js';

const A_PROCESSING_CHANNEL = `pc_${'r'.repeat(26)}`;
const ANOTHER_CHANNEL = `pc_${'s'.repeat(26)}`;

/** The built simulator as an operator runs it, with exactly these variables (and PATH). */
async function runSimulator(
  env: Record<string, string>,
): Promise<{ process: AppProcess; api: CheckoutApi }> {
  const { app, url } = await runBuiltSimulator(env);
  return { process: app, api: new CheckoutApi(url) };
}

async function stop(process: AppProcess): Promise<void> {
  if (process.child.exitCode !== null) return;
  process.child.kill('SIGTERM');
  await process.exited();
}

/**
 * Checkout requires `processing_channel_id` unless the API client is bound to a processing
 * channel, and takes only its entity's. SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID says which the
 * client is bound to (`none` by default), SIMULATOR_PROCESSING_CHANNELS which the entity has
 * (`any` by default), SIMULATOR_CLIENT_SCOPES which scopes the client may be granted.
 */
describe('simulator: processing channels and scopes of the OAuth client (e2e)', () => {
  // An empty variable is an unset one, as everywhere in this project's configuration.
  it.each<Record<string, string>>([{}, { SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: '' }])(
    'by default (%j) the client is unbound: processing_channel_id is required, any is taken',
    async (env) => {
      const { process, api } = await runSimulator(env);
      try {
        await process.waitFor(/Checkout simulator listening on/);
        const token = await api.token();
        const refused = await api.createSession(
          token,
          aSessionRequest({ processing_channel_id: undefined }),
        );
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
    },
    60_000,
  );

  it("takes only the entity's channels, lets a bound client leave it out, and grants only its scopes", async () => {
    const { process, api } = await runSimulator({
      SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: A_PROCESSING_CHANNEL,
      SIMULATOR_PROCESSING_CHANNELS: `${A_PROCESSING_CHANNEL},${ANOTHER_CHANNEL}`,
      SIMULATOR_CLIENT_SCOPES: 'sessions:browser',
    });
    try {
      await process.waitFor(/Checkout simulator listening on/);
      await expect(api.token('sessions:browser sessions:app')).rejects.toThrow(/invalid_scope/);
      const token = await api.token('sessions:browser');
      const create = (channel: string | undefined) =>
        api.createSession(token, aSessionRequest({ processing_channel_id: channel }));
      expect((await create(undefined)).status).toBe(202);
      expect((await create(ANOTHER_CHANNEL)).status).toBe(202);
      const unknown = await create(`pc_${'u'.repeat(26)}`);
      expect(unknown.status).toBe(422);
      expect(contractViolations(unknown.body, 'ErrorResponse')).toEqual([]);
      expect(unknown.body.error_codes).toEqual(['processing_channel_id_invalid']);
    } finally {
      await stop(process);
    }
  }, 60_000);

  it.each([
    [
      'SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID',
      { SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: 'pc_short' },
    ],
    [
      'SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID',
      { SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: 'unbound' },
    ],
    [
      'SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID',
      {
        SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID: A_PROCESSING_CHANNEL,
        SIMULATOR_PROCESSING_CHANNELS: ANOTHER_CHANNEL,
      },
    ],
    ['SIMULATOR_PROCESSING_CHANNELS', { SIMULATOR_PROCESSING_CHANNELS: 'pc_short' }],
    ['SIMULATOR_CLIENT_SCOPES', { SIMULATOR_CLIENT_SCOPES: 'gateway' }],
  ])(
    'refuses to start with a bad %s (%j)',
    async (setting, env) => {
      const { process } = await runSimulator(env);
      try {
        // Waits for the exit itself: a process that kept running fails on the test's timeout.
        await expect(process.exited()).resolves.not.toBe(0);
        expect(process.output()).toContain(`${setting}:`);
      } finally {
        await stop(process);
      }
    },
    60_000,
  );
});
