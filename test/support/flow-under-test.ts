import { ProviderSet, ThreeDsProviders } from '@app/domain';
import { typeOrmOptions } from '@app/persistence';
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { claimsConfig } from '../../apps/orchestrator/src/config/claims.config.js';
import { strategyConfig } from '../../apps/orchestrator/src/config/strategy.config.js';
import { databaseConfig } from '../../apps/orchestrator/src/config/database.config.js';
import { jobsConfig, type JobsConfig } from '../../apps/orchestrator/src/config/jobs.config.js';
import { securityConfig } from '../../apps/orchestrator/src/config/security.config.js';
import { FlowModule } from '../../apps/orchestrator/src/flow/flow.module.js';
import { emptyTables } from './e2e-database.js';
import { FakeProvider } from './fake-provider.js';
import {
  aClaimsConfig,
  aStrategyConfig,
  aDatabaseConfig,
  aJobsConfig,
  aSecurityConfig,
  testDatabaseUrl,
} from './test-config.js';

export interface FlowUnderTest {
  /** The flow's own services and tasks, as Nest wired them. */
  readonly flow: TestingModule;
  readonly provider: FakeProvider;
  /** Rows of this worker's database. */
  sql<T = Record<string, unknown>>(query: string, values?: unknown[]): Promise<T[]>;
  /** Empties the tables (after the leak scan) and forgets the fake's sessions. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The flow on its own (FlowModule), on this worker's PostgreSQL, with a FakeProvider behind the
 * port: no HTTP, no simulator, no job runner (a spec runs a task itself when it needs one), and
 * no team events (nothing binds the CompletionNotice).
 */
export async function startFlow(
  config: { jobs?: Partial<JobsConfig> } = {},
): Promise<FlowUnderTest> {
  const provider = new FakeProvider();

  @Global()
  @Module({
    providers: [
      { provide: ThreeDsProviders, useValue: new ProviderSet([provider], provider.name) },
    ],
    exports: [ThreeDsProviders],
  })
  class FakeProviderModule {}

  const flow = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({
        isGlobal: true,
        ignoreEnvFile: true,
        load: [databaseConfig, securityConfig, jobsConfig, claimsConfig, strategyConfig],
      }),
      TypeOrmModule.forRoot(typeOrmOptions(testDatabaseUrl(), { poolSize: 4 })),
      FakeProviderModule,
      FlowModule,
    ],
  })
    .overrideProvider(databaseConfig.KEY)
    .useValue(aDatabaseConfig())
    .overrideProvider(securityConfig.KEY)
    .useValue(aSecurityConfig())
    .overrideProvider(jobsConfig.KEY)
    .useValue(aJobsConfig(config.jobs))
    .overrideProvider(claimsConfig.KEY)
    .useValue(aClaimsConfig())
    .overrideProvider(strategyConfig.KEY)
    .useValue(aStrategyConfig())
    .compile();
  await flow.init();
  const db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  return {
    flow,
    provider,
    sql: async <T>(query: string, values: unknown[] = []) =>
      (await db.query(query, values)).rows as T[],
    reset: async () => {
      await emptyTables(testDatabaseUrl());
      provider.reset();
    },
    close: async () => {
      await flow.close();
      await db.end();
    },
  };
}
