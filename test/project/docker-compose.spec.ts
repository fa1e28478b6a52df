import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { parse } from 'yaml';
import {
  OrchestratorEnvironment,
  validateOrchestratorEnvironment,
} from '../../apps/orchestrator/src/config/orchestrator.environment.js';
import {
  SimulatorEnvironment,
  validateSimulatorEnvironment,
} from '../../apps/checkout-simulator/src/config/simulator.environment.js';
import { environmentKeys } from '../support/environment-keys.js';

interface ComposeService {
  image?: string;
  build?: string;
  pull_policy?: string;
  restart?: string;
  command?: string[];
  environment: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

type Compose = { services: Record<string, ComposeService> };

/** docker-compose.yml as Compose reads it: merge keys, then `${NAME:-default}` from `variables`. */
const composeWith = (variables: Record<string, string>): Compose => {
  const file = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as Compose;
  for (const service of Object.values(file.services)) {
    for (const [key, value] of Object.entries(service.environment ?? {})) {
      service.environment[key] = String(value).replace(
        /\$\{(\w+):-([^}]*)\}/g,
        (_match, name: string, fallback: string) => variables[name] || fallback,
      );
    }
  }
  return file;
};

const compose = composeWith({});
const { postgres, orchestrator, 'checkout-simulator': simulator } = compose.services;
const DEV_SETTINGS = parseEnv(readFileSync('config/compose.dev.env', 'utf8')) as Record<
  string,
  string
>;
const development = composeWith(DEV_SETTINGS).services;

const containerPort = (service: ComposeService): string => service.ports?.[0]?.split(':')[1] ?? '';

describe('docker-compose.yml', () => {
  it('runs postgres, the orchestrator and the simulator, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'checkout-simulator',
      'orchestrator',
      'postgres',
    ]);
    for (const service of Object.values(compose.services)) {
      expect(service.healthcheck?.test.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['orchestrator', orchestrator, OrchestratorEnvironment],
    ['checkout-simulator', simulator, SimulatorEnvironment],
  ] as const)(
    'gives %s only variables its environment class declares',
    (_name, service, schema) => {
      const known = environmentKeys(schema);
      expect(Object.keys(service.environment).filter((key) => !known.includes(key))).toEqual([]);
    },
  );

  it('passes each app environment validation as written', () => {
    expect(() => validateOrchestratorEnvironment(orchestrator.environment)).not.toThrow();
    expect(() => validateSimulatorEnvironment(simulator.environment)).not.toThrow();
  });

  it.each([
    ['orchestrator', orchestrator, '/health/ready'],
    ['checkout-simulator', simulator, '/_sim/health'],
  ] as const)('publishes and probes %s on the PORT it is given', (_name, service, path) => {
    expect(containerPort(service)).toBe(service.environment.PORT);
    expect(service.environment.HOST).toBe('0.0.0.0');
    expect(service.healthcheck?.test.join(' ')).toContain(
      `127.0.0.1:${service.environment.PORT}${path}`,
    );
    expect(service.command?.join(' ')).toMatch(
      /dist\/apps\/(orchestrator|checkout-simulator)\/main\.js/,
    );
  });

  it('points the orchestrator at the compose postgres and simulator with matching credentials', () => {
    const database = new URL(orchestrator.environment.DATABASE_URL);
    expect(database.hostname).toBe('postgres');
    expect(database.pathname).toBe(`/${postgres.environment.POSTGRES_DB}`);
    expect(database.username).toBe(postgres.environment.POSTGRES_USER);
    expect(database.password).toBe(postgres.environment.POSTGRES_PASSWORD);

    const simulatorOrigin = `http://checkout-simulator:${simulator.environment.PORT}`;
    expect(orchestrator.environment.CHECKOUT_API_URL).toBe(simulatorOrigin);
    expect(orchestrator.environment.CHECKOUT_TOKEN_URL).toBe(`${simulatorOrigin}/connect/token`);
    expect(orchestrator.environment.CHECKOUT_CLIENT_ID).toBe(
      simulator.environment.SIMULATOR_CLIENT_ID,
    );
    expect(orchestrator.environment.CHECKOUT_CLIENT_SECRET).toBe(
      simulator.environment.SIMULATOR_CLIENT_SECRET,
    );
    // The simulator's client is bound to none: the orchestrator sends one of its entity's.
    expect(simulator.environment.SIMULATOR_CLIENT_PROCESSING_CHANNEL_ID).toBeUndefined();
    expect(simulator.environment.SIMULATOR_PROCESSING_CHANNELS.split(',')).toContain(
      orchestrator.environment.CHECKOUT_PROCESSING_CHANNEL_ID,
    );
    expect(Object.keys(orchestrator.depends_on ?? {}).sort()).toEqual([
      'checkout-simulator',
      'postgres',
    ]);
  });

  it('builds one image, once, and runs both apps from it', () => {
    const apps = [orchestrator, simulator];
    expect(new Set(apps.map((service) => service.image)).size).toBe(1);
    expect(apps.filter((service) => service.build !== undefined)).toEqual([orchestrator]);
    // Never pulled (it exists nowhere but here) and never built a second time.
    expect(simulator.pull_policy).toBe('never');
  });

  it('restarts every long-running service unless it was stopped', () => {
    for (const service of Object.values(compose.services)) {
      expect(service.restart).toBe('unless-stopped');
    }
  });

  it('keeps development settings off unless config/compose.dev.env is given', () => {
    const orchestratorEnv = validateOrchestratorEnvironment(orchestrator.environment);
    expect(orchestratorEnv).toMatchObject({
      DEMO_PAGE: false,
      TEAM_EVENTS_ALLOW_PRIVATE_TARGETS: false,
    });
    expect(validateSimulatorEnvironment(simulator.environment).SIMULATOR_CONTROL_API).toBe(false);
  });

  it('turns on the demo page and the /_sim control API with config/compose.dev.env', () => {
    const known = [OrchestratorEnvironment, SimulatorEnvironment].flatMap(environmentKeys);
    expect(Object.keys(DEV_SETTINGS).filter((key) => !known.includes(key))).toEqual([]);
    const orchestratorEnv = validateOrchestratorEnvironment(development.orchestrator.environment);
    expect(orchestratorEnv).toMatchObject({ DEMO_PAGE: true, DEMO_API_KEY: expect.any(String) });
    expect(orchestrator.environment.API_KEYS).toContain(`:${orchestratorEnv.DEMO_API_KEY}`);
    // The demo page at http://localhost:3000 frames the 3DS pages.
    expect(orchestratorEnv.FRAME_ANCESTORS).toContain('http://localhost:*');
    const simulatorEnv = validateSimulatorEnvironment(
      development['checkout-simulator'].environment,
    );
    expect(simulatorEnv.SIMULATOR_CONTROL_API).toBe(true);
  });
});
