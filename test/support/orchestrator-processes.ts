import { ORCHESTRATOR_BUNDLE, runBuiltApp, type AppProcess } from './app-process.js';
import { freePort } from './free-port.js';
import { SIMULATOR_CLIENT } from './simulator/simulator-app.js';
import {
  PROCESSING_CHANNEL_SETTINGS,
  TEAM_A,
  TEAM_B,
  testDatabaseUrl,
  WEBHOOK_SECRET,
} from './test-config.js';

/** The same keys as the in-process orchestrator's test config, so specs read the same data. */
export const BASE_ENV = {
  NODE_ENV: 'test',
  LOG_FORMAT: 'json',
  HOST: '127.0.0.1',
  DATABASE_RUN_MIGRATIONS: 'false',
  DATABASE_POOL_SIZE: '4',
  CHECKOUT_CLIENT_ID: SIMULATOR_CLIENT.id,
  CHECKOUT_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
  // Far above what the simulator takes even on a busy machine: no spec depends on a Checkout call
  // timing out unless it says so (RECHECK_CREATION_MS must outlast two creates' deadlines).
  CHECKOUT_TIMEOUT_MS: '5000',
  ...PROCESSING_CHANNEL_SETTINGS,
  API_KEYS: `${TEAM_A.team}:${TEAM_A.apiKey},${TEAM_B.team}:${TEAM_B.apiKey}`,
  CRYPTOGRAM_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  CARD_FINGERPRINT_KEY: 'test-card-fingerprint-key-0000000000000',
  CHECKOUT_WEBHOOK_SECRETS: WEBHOOK_SECRET,
  JOBS_CONCURRENCY: '4',
  JOBS_POLL_INTERVAL_MS: '50',
  JOBS_HEARTBEAT_MS: '200',
  JOBS_WORKER_DEAD_AFTER_MS: '1500',
  RECHECK_CREATION_MS: '20500',
  RECHECK_SESSION_LOOKUP_MS: '500',
  COMPLETE_RETRY_BASE_MS: '100',
  // The `complete` job is for a process that died: its lease outlasts an in-process complete on a
  // busy machine, so a slow one is not sent twice, and still fits a crash spec's wait.
  COMPLETE_LEASE_MS: '5000',
  TEAM_EVENTS_RETRY_BASE_MS: '100',
  TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: 'true',
};

export interface OrchestratorProcess {
  readonly url: string;
  readonly port: number;
  readonly app: AppProcess;
  /** SIGKILL: nothing runs after it, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the orderly shutdown an operator's deploy does. */
  stop(): Promise<void>;
}

/**
 * The built orchestrator as its own process on this worker's database, talking to a simulator
 * over HTTP: what crash and multi-instance specs need (a real SIGKILL, several processes).
 */
export async function startOrchestratorProcess(options: {
  simulatorUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** Bounds a start that hangs; specs starting several at once give more. */
  startTimeoutMs?: number;
}): Promise<OrchestratorProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const app = runBuiltApp(ORCHESTRATOR_BUNDLE, {
    ...BASE_ENV,
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: testDatabaseUrl(),
    CHECKOUT_API_URL: options.simulatorUrl,
    CHECKOUT_TOKEN_URL: `${options.simulatorUrl}/connect/token`,
    // A spec that sets one Checkout deadline means every call's.
    CHECKOUT_AUTHENTICATION_TIMEOUT_MS:
      options.env?.CHECKOUT_TIMEOUT_MS ?? BASE_ENV.CHECKOUT_TIMEOUT_MS,
    ...options.env,
  });
  await app.waitFor(/Orchestrator listening on/, options.startTimeoutMs);
  const ended = async (signal: NodeJS.Signals) => {
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill(signal);
    await app.exited();
  };
  return { url, port, app, kill: () => ended('SIGKILL'), stop: () => ended('SIGTERM') };
}
