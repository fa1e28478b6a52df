import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AdyenSimulatorModule } from '../../../apps/adyen-simulator/src/adyen-simulator.module.js';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../../../apps/adyen-simulator/src/config/adyen-simulator.config.js';
import { freePort } from '../free-port.js';

export const ADYEN_API_KEY = 'AQE-e2e-adyen-simulator-key';
export const ADYEN_MERCHANT_ACCOUNT = 'E2eMerchantECOM';
export const ADYEN_CLIENT_KEY = 'test_E2ECLIENTKEY';
/** 32 bytes, hex, as the Customer Area shows an HMAC key. */
export const ADYEN_HMAC_KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';

/** The Basic auth our Adyen webhook endpoint is set up with, as in Adyen's Customer Area. */
export const ADYEN_WEBHOOK_AUTH = {
  username: 'e2e-adyen-webhooks',
  password: 'e2e-adyen-webhook-password',
} as const;

export interface AdyenSimulatorUnderTest {
  readonly app: NestFastifyApplication;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly config: AdyenSimulatorConfig;
  /** A control API call: `control('POST', '/reset')` → `/_sim/reset`. */
  control(method: string, path: string, body?: object): Promise<Response>;
  close(): Promise<void>;
}

type ConfigOverrides = Partial<Omit<AdyenSimulatorConfig, 'webhook'>> & {
  webhook?: Partial<AdyenSimulatorConfig['webhook']>;
};

/** The real AdyenSimulatorModule on Fastify over real HTTP, control API on, on a free port. */
export async function startAdyenSimulator(
  overrides: ConfigOverrides = {},
): Promise<AdyenSimulatorUnderTest> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: AdyenSimulatorConfig = {
    publicUrl: url,
    apiKey: ADYEN_API_KEY,
    clientKey: ADYEN_CLIENT_KEY,
    merchantAccount: ADYEN_MERCHANT_ACCOUNT,
    controlApi: true,
    ...overrides,
    webhook: {
      url: undefined,
      hmacKey: ADYEN_HMAC_KEY,
      basicAuth: undefined,
      retryScale: 1000,
      ...overrides.webhook,
    },
  };
  const moduleRef = await Test.createTestingModule({ imports: [AdyenSimulatorModule] })
    .overrideProvider(adyenSimulatorConfig.KEY)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.listen(port, '127.0.0.1');
  return {
    app,
    url,
    config,
    control: (method, path, body) =>
      fetch(`${url}/_sim${path}`, {
        method,
        ...(body
          ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      }),
    close: () => app.close(),
  };
}
