// Implicit conversion reads `design:type` metadata, whether or not Nest has been loaded yet.
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, validateSync, type ValidationError } from 'class-validator';

/** One reason an app refuses its environment: the setting and why, never its value. */
export interface EnvironmentProblem {
  readonly setting: string;
  readonly reason: string;
}

/** Thrown at start-up when the environment is unusable; names the keys, never their values. */
export class EnvironmentValidationError extends Error {
  constructor(
    readonly appName: string,
    readonly problems: readonly EnvironmentProblem[],
  ) {
    super(
      `${appName}: invalid environment. ${problems.map((one) => `${one.setting}: ${one.reason}`).join('; ')}`,
    );
    this.name = 'EnvironmentValidationError';
  }
}

/**
 * Turns raw `process.env` into a validated, typed environment class.
 * Values may be secrets, so messages are built from property names and constraint texts only
 * (class-validator's default texts do not include the value).
 */
export function validateEnvironment<T extends object>(
  appName: string,
  schema: new () => T,
  raw: Record<string, unknown>,
): T {
  const env = plainToInstance(schema, withoutEmptyStrings(raw), {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new EnvironmentValidationError(appName, errors.map(describeProblem));
  }
  return env;
}

/** `KEY=` in a shell or an env file means "not set", so the class default applies. */
function withoutEmptyStrings(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}

function describeProblem(error: ValidationError): EnvironmentProblem {
  const reasons = Object.values(error.constraints ?? {}).map((text) =>
    text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text,
  );
  return {
    setting: error.property,
    reason: reasons.length > 0 ? reasons.join(', ') : 'is invalid',
  };
}

/**
 * A boolean environment variable: only `true` and `false` are accepted.
 * Implicit conversion would read the string "false" as `true`, hence the explicit transform.
 */
export function EnvBoolean(): PropertyDecorator {
  return (target, propertyKey) => {
    // Read the raw string from `obj`: `value` has already been through implicit conversion.
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      return raw === 'true' || raw === true ? true : raw === 'false' || raw === false ? false : raw;
    })(target, propertyKey);
    IsBoolean({ message: `${String(propertyKey)} must be "true" or "false"` })(target, propertyKey);
  };
}
