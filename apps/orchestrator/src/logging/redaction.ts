/**
 * Field names whose values are never logged, at the top level or up to three objects down:
 * credentials, and the card data Checkout's session requests carry (`source.number`, the
 * cryptogram of a result) and Adyen's (`cvc`, the encrypted card fields, the result's
 * `authenticationValue`, the `threeDSResult` and `paymentData` blobs that carry or continue it,
 * `authorisationToken`, a notification's `hmacSignature`). `parameters`: a database error's
 * bound values.
 */
const REDACTED_KEYS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api_key',
  'apiKey',
  'client_secret',
  'clientSecret',
  'access_token',
  'accessToken',
  'token',
  'session_secret',
  'sessionSecret',
  'checkout_session_secret',
  'secret',
  'signing_secret',
  'password',
  'number',
  'cvv',
  'cryptogram',
  'authentication_value',
  'cavv',
  'aav',
  'cvc',
  'encryptedCardNumber',
  'encryptedSecurityCode',
  'authenticationValue',
  'threeDSResult',
  'paymentData',
  'authorisationToken',
  'hmacSignature',
  'parameters',
]);

export const CENSOR = '[redacted]';

/** Levels below the log object itself that are searched (0: its own fields). */
const DEEPEST_LEVEL = 3;

/**
 * The log object with every redacted field's value replaced, copying only the objects on the
 * way to a replaced field: a line without one (nearly all) costs a walk over its few fields and
 * no allocation. Cheaper than pino's path-based `redact`, which compiles a wildcard walk for each
 * of the 128 name × depth paths it would need.
 */
export function redactFields<T>(value: T, level = 0): T {
  if (level > DEEPEST_LEVEL || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const redacted = redactFields(item, level + 1);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value) as [string, unknown][]) {
    const redacted: unknown = REDACTED_KEYS.has(key) ? CENSOR : redactFields(item, level + 1);
    if (redacted !== item) (copy ??= shallowCopy(value))[key] = redacted;
  }
  return (copy ?? value) as T;
}

/** An error stays an error (pino's serializer keeps its type, message and stack). */
function shallowCopy(value: object): Record<string, unknown> {
  if (!(value instanceof Error)) return { ...value };
  const prototype = Object.getPrototypeOf(value) as object;
  const copy = Object.create(prototype) as Record<string, unknown>;
  return Object.assign(copy, value, { message: value.message, stack: value.stack });
}
