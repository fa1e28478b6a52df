import { findCardNumbers, InputRefusedError } from '@app/domain';
import secureJson from 'secure-json-parse';

/** Deeper than any body of this API (the create body nests four levels). */
export const MAX_JSON_DEPTH = 8;

/** C0 controls (NUL included), DEL and C1 controls: never part of a legitimate value here. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A field name we can repeat back: a short identifier, not something that looks like data. */
const NAMEABLE = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

/**
 * Parses a JSON body, refusing bodies nested deeper than MAX_JSON_DEPTH before parsing (a
 * deep body would overflow the stack of class-transformer), `__proto__` / `constructor` keys
 * (prototype poisoning), and anything that is not JSON. Errors never quote the input.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (depthOf(raw) > MAX_JSON_DEPTH) {
    throw new InputRefusedError(
      'BODY_TOO_DEEP',
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  try {
    return secureJson.parse(raw, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw new InputRefusedError('MALFORMED_BODY', 'The body is not valid JSON');
  }
}

/** Deepest nesting of arrays and objects, counted in one pass outside strings. */
function depthOf(raw: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Walks parsed input (body, query, route params) and refuses control characters in any key or
 * string, and a card number anywhere but the fields meant for one (`allowCardAt`).
 */
export function screenInput(
  value: unknown,
  allowCardAt: (path: string) => boolean,
  path: readonly string[] = [],
): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) {
      throw new InputRefusedError(
        'INVALID_CHARACTERS',
        'Control characters are not allowed',
        nameOf(path),
      );
    }
    if (!allowCardAt(path.join('.')) && findCardNumbers(value).length > 0) {
      throw new InputRefusedError(
        'CARD_DATA_NOT_ALLOWED',
        'A card number is only accepted in source.number (or a network token in source.token)',
        nameOf(path),
      );
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(key) || findCardNumbers(key).length > 0) {
      throw new InputRefusedError(
        'INVALID_CHARACTERS',
        'A field name is not allowed',
        nameOf(path),
      );
    }
    screenInput(child, allowCardAt, [...path, key]);
  }
}

/** A field name we may repeat back, or a placeholder when the name itself could be data. */
export function nameOfSegment(segment: string): string {
  return /^\d{1,3}$/.test(segment) || (NAMEABLE.test(segment) && !/\d{4}/.test(segment))
    ? segment
    : '(unknown field)';
}

/** The path of a field, each segment named only if it could not be data. */
export function nameOf(segments: readonly string[]): string | undefined {
  return segments.length > 0 ? segments.map(nameOfSegment).join('.') : undefined;
}
