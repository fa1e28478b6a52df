import type { EnvironmentValidationError } from '@app/common';
import { bootstrapLogger } from './logging.module.js';

/**
 * A refused start writes one log entry: `msg` and `problems`, each failing setting with the
 * reason (never its value). In production it is always one JSON line, whatever LOG_FORMAT says
 * (the settings were refused, and a platform's log tooling reads it); elsewhere LOG_FORMAT=pretty
 * has pino-pretty render the same entry for a developer.
 */
export async function logStartUpRefusal(
  error: EnvironmentValidationError,
  env: Record<string, string | undefined>,
): Promise<void> {
  const pretty = env.LOG_FORMAT === 'pretty' && env.NODE_ENV !== 'production';
  const logger = await bootstrapLogger({ format: pretty ? 'pretty' : 'json', level: 'info' });
  logger.fatal?.({ msg: error.message, problems: error.problems }, 'Orchestrator');
}
