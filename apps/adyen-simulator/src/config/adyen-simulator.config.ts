import { registerAs, type ConfigType } from '@nestjs/config';
import { validateAdyenSimulatorEnvironment } from './adyen-simulator.environment.js';

export const adyenSimulatorConfig = registerAs('adyenSimulator', () => {
  const env = validateAdyenSimulatorEnvironment(process.env);
  const { ADYEN_SIMULATOR_WEBHOOK_USERNAME: username, ADYEN_SIMULATOR_WEBHOOK_PASSWORD: password } =
    env;
  return {
    publicUrl: env.ADYEN_SIMULATOR_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`,
    apiKey: env.ADYEN_SIMULATOR_API_KEY,
    clientKey: env.ADYEN_SIMULATOR_CLIENT_KEY,
    merchantAccount: env.ADYEN_SIMULATOR_MERCHANT_ACCOUNT,
    webhook: {
      url: env.ADYEN_SIMULATOR_WEBHOOK_URL,
      hmacKey: env.ADYEN_SIMULATOR_HMAC_KEY,
      basicAuth: username === undefined ? undefined : { username, password: password ?? '' },
      retryScale: env.ADYEN_SIMULATOR_WEBHOOK_RETRY_SCALE,
    },
    controlApi: env.ADYEN_SIMULATOR_CONTROL_API,
  };
});
export type AdyenSimulatorConfig = ConfigType<typeof adyenSimulatorConfig>;
