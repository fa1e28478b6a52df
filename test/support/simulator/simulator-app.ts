import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  simulatorConfig,
  type SimulatorConfig,
} from '../../../apps/checkout-simulator/src/config/simulator.config.js';
import { SimulatorModule } from '../../../apps/checkout-simulator/src/simulator.module.js';
import { freePort } from '../free-port.js';
import { HttpRecorder } from '../http-recorder.js';
import { ALL_PROCESSING_CHANNELS, WEBHOOK_SECRET } from '../test-config.js';
import { CheckoutApi } from './checkout-api.js';

export { WEBHOOK_SECRET };

export const SIMULATOR_CLIENT = {
  id: 'ack_e2esimulatorclient',
  secret: 'e2e-simulator-secret',
} as const;

export interface SimulatorUnderTest {
  readonly app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly config: SimulatorConfig;
  close(): Promise<void>;
}

type ConfigOverrides = Partial<Omit<SimulatorConfig, 'webhook'>> & {
  webhook?: Partial<SimulatorConfig['webhook']>;
};

/** The real SimulatorModule on Fastify over real HTTP, control API on, on a free port. */
export async function startSimulator(overrides: ConfigOverrides = {}): Promise<SimulatorUnderTest> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: SimulatorConfig = {
    publicUrl: url,
    clientId: SIMULATOR_CLIENT.id,
    clientSecret: SIMULATOR_CLIENT.secret,
    // Unbound, as Checkout's clients usually are: every create names one of these.
    boundProcessingChannel: undefined,
    entityProcessingChannels: ALL_PROCESSING_CHANNELS,
    clientScopes: ['sessions:browser', 'sessions:app'],
    tokenTtlSeconds: 3600,
    sessionTtlSeconds: 900,
    challengeTtlSeconds: 600,
    rreqDelayMs: 0,
    issuer: { dataDrivenChallenges: false, riskSeed: 'simulator' },
    controlApi: true,
    ...overrides,
    webhook: {
      url: undefined,
      secret: WEBHOOK_SECRET,
      authorization: undefined,
      retryScale: 60_000,
      ...overrides.webhook,
    },
  };
  const moduleRef = await Test.createTestingModule({ imports: [SimulatorModule] })
    .overrideProvider(simulatorConfig.KEY)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    rawBody: true,
    logger: false,
  });
  await app.listen(port, '127.0.0.1');
  return { app, url, config, close: () => app.close() };
}

/** A simulator, a client and an OAuth token for both channel scopes. */
export async function startSimulatorWithClient(): Promise<{
  simulator: SimulatorUnderTest;
  api: CheckoutApi;
  oauth: string;
}> {
  const simulator = await startSimulator();
  const api = new CheckoutApi(simulator.url);
  return { simulator, api, oauth: await api.token() };
}

/** The same, with a merchant endpoint that receives the simulator's posts. */
export async function startSimulatorWithMerchant(): Promise<{
  simulator: SimulatorUnderTest;
  merchant: HttpRecorder;
  api: CheckoutApi;
  oauth: string;
}> {
  const merchant = await HttpRecorder.start();
  return { ...(await startSimulatorWithClient()), merchant };
}

/** A simulator whose workflow webhooks go to a merchant endpoint (an HttpRecorder). */
export interface SimulatorWithWebhooks {
  readonly merchant: HttpRecorder;
  readonly api: CheckoutApi;
  readonly simulator: SimulatorUnderTest;
  /** Between tests: the simulator reset, the merchant's record cleared. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startSimulatorWithWebhooks(
  webhook: Partial<SimulatorConfig['webhook']> = {},
): Promise<SimulatorWithWebhooks> {
  const merchant = await HttpRecorder.start();
  const simulator = await startSimulator({
    webhook: { url: merchant.to('/webhooks'), ...webhook },
  });
  const api = new CheckoutApi(simulator.url);
  return {
    merchant,
    api,
    simulator,
    reset: async () => {
      const reset = await api.control('POST', '/reset');
      if (reset.status !== 204) throw new Error(`simulator reset answered ${reset.status}`);
      merchant.clear();
    },
    close: async () => {
      await simulator.close();
      await merchant.close();
    },
  };
}
