import { EnvBoolean, HttpServerEnvironment, validateEnvironment } from '@app/common';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Every environment variable the orchestrator reads. Types are annotated for implicit conversion. */
export class OrchestratorEnvironment extends HttpServerEnvironment {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** Unset: an embedded PostgreSQL is started (see EMBEDDED_POSTGRES_*). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, {
    message: 'DATABASE_URL must look like postgres://user@host:port/database',
  })
  DATABASE_URL?: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  @EnvBoolean()
  DATABASE_RUN_MIGRATIONS: boolean = true;

  @IsString()
  @IsNotEmpty()
  EMBEDDED_POSTGRES_DIR: string = '.data/pg';

  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT: number = 54329;

  /** Sessions API base, e.g. https://api.sandbox.checkout.com (or the simulator). */
  @IsUrl(HTTP_URL)
  CHECKOUT_API_URL: string;

  /** OAuth token endpoint, e.g. https://access.sandbox.checkout.com/connect/token. */
  @IsUrl(HTTP_URL)
  CHECKOUT_TOKEN_URL: string;

  @IsString()
  @IsNotEmpty()
  CHECKOUT_CLIENT_ID: string;

  @IsString()
  @IsNotEmpty()
  CHECKOUT_CLIENT_SECRET: string;
}

/** Validates `process.env` (or a copy); throws an error naming the failing keys, never values. */
export function validateOrchestratorEnvironment(
  raw: Record<string, unknown>,
): OrchestratorEnvironment {
  return validateEnvironment('orchestrator', OrchestratorEnvironment, raw);
}
