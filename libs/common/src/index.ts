/** Nest glue and helpers shared by both apps. No domain knowledge lives here. */
export {
  HttpServerEnvironment,
  LOG_FORMATS,
  type LogFormat,
} from './config/http-server.environment.js';
export {
  EnvBoolean,
  EnvironmentValidationError,
  validateEnvironment,
  type EnvironmentProblem,
} from './config/validate-environment.js';
export { parseRetryAfter } from './http/retry-after.js';
export { StartUpInventoryAtDebug } from './logging/start-up-inventory.js';
export { Clock, SystemClock } from './time/clock.js';
