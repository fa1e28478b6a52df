import type { CheckoutConfig } from '../../apps/orchestrator/src/config/checkout.config.js';
import type { SecurityConfig } from '../../apps/orchestrator/src/config/security.config.js';
import type { StrategyConfig } from '../../apps/orchestrator/src/config/strategy.config.js';
import { emptyTables } from './e2e-database.js';
import { freePort } from './free-port.js';
import { startOrchestrator, type OrchestratorUnderTest } from './orchestrator-app.js';
import { RecordingProxy } from './recording-proxy.js';
import {
  SIMULATOR_CLIENT,
  startSimulator,
  type SimulatorUnderTest,
} from './simulator/simulator-app.js';
import { testDatabaseUrl } from './test-config.js';

/** The orchestrator, its Checkout the simulator behind a proxy that keeps what reaches it. */
export interface RecordedCheckout {
  readonly simulator: SimulatorUnderTest;
  readonly checkout: RecordingProxy;
  readonly orchestrator: OrchestratorUnderTest;
  close(): Promise<void>;
}

export async function startWithRecordedCheckout(
  config: {
    checkout?: Partial<CheckoutConfig>;
    security?: Partial<SecurityConfig>;
    strategy?: Partial<StrategyConfig>;
  } = {},
): Promise<RecordedCheckout> {
  const simulator = await startSimulator();
  const checkout = await RecordingProxy.start(simulator.url);
  const port = await freePort();
  const orchestrator = await startOrchestrator({
    port,
    checkout: {
      apiUrl: checkout.url,
      tokenUrl: `${checkout.url}/connect/token`,
      clientId: SIMULATOR_CLIENT.id,
      clientSecret: SIMULATOR_CLIENT.secret,
      ...config.checkout,
    },
    security: { callbackBaseUrl: `http://127.0.0.1:${port}`, ...config.security },
    strategy: config.strategy,
  });
  return {
    simulator,
    checkout,
    orchestrator,
    async close() {
      await orchestrator.close();
      await checkout.close();
      await simulator.close();
    },
  };
}

/**
 * One RecordedCheckout for a spec file: started before its tests, with empty tables and an empty
 * recording before each, closed after. Its parts are read through getters once started.
 */
export function recordedCheckoutPerSpec(): Omit<RecordedCheckout, 'close'> {
  let current: RecordedCheckout | undefined;
  beforeAll(async () => {
    current = await startWithRecordedCheckout();
  });
  beforeEach(async () => {
    await emptyTables(testDatabaseUrl());
    started().checkout.clear();
  });
  afterAll(() => current?.close());
  const started = (): RecordedCheckout => {
    if (!current) throw new Error('the recorded Checkout has not started');
    return current;
  };
  return {
    get simulator() {
      return started().simulator;
    },
    get checkout() {
      return started().checkout;
    },
    get orchestrator() {
      return started().orchestrator;
    },
  };
}
