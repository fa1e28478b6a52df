import { findCardNumbers, InputRefusedError } from '@app/domain';
import secureJson from 'secure-json-parse';

/** Deeper than any body of this API (the create body nests four levels). */
export const MAX_JSON_DEPTH = 8;

/** C0 controls (NUL included), DEL and C1 controls: never part of a legitimate value here. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab and line breaks: an ACS may post a line-wrapped base64 PaRes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface ScreenOptions {
  /** Where a card number belongs (dotted path), e.g. `source.number`. */
  readonly allowCardAt: (path: string) => boolean;
  /** Tabs and line breaks are fine in what issuers' pages and Checkout post. */
  readonly allowLineBreaks?: boolean;
}

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

/**
 * A body parsed by the same rules, or undefined when it breaks them (or is missing): for the
 * senders we answer 2xx whatever they post once they are authenticated (SENDER_CHECKED_ROUTES).
 */
export function parseJsonOrUndefined(raw: Buffer | undefined): unknown {
  if (!raw || raw.length === 0) return undefined;
  try {
    return parseJsonBody(raw);
  } catch {
    return undefined;
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
 * string, and a card number (in a string or an integer) anywhere but the fields meant for one.
 */
export function screenInput(
  value: unknown,
  options: ScreenOptions,
  path: readonly PathSegment[] = [],
) {
  if (typeof value === 'number' && Number.isInteger(value)) {
    refuseCardNumber(String(value), options, path);
    return;
  }
  if (typeof value === 'string') {
    const control = options.allowLineBreaks ? CONTROL_BUT_WHITESPACE : CONTROL_CHARACTER;
    if (control.test(value)) {
      throw new InputRefusedError('INVALID_CHARACTERS', 'Control characters are not allowed', {
        param: paramOf(path),
        message: 'holds control characters',
      });
    }
    refuseCardNumber(value, options, path);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => screenInput(item, options, [...path, index]));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(key) || findCardNumbers(key).length > 0) {
      throw new InputRefusedError('INVALID_CHARACTERS', 'A field name is not allowed', {
        param: paramOf(path),
        message: 'holds a field name that is not allowed',
      });
    }
    screenInput(child, options, [...path, key]);
  }
}

function refuseCardNumber(text: string, options: ScreenOptions, path: readonly PathSegment[]) {
  if (!options.allowCardAt(path.join('.')) && findCardNumbers(text).length > 0) {
    throw new InputRefusedError(
      'CARD_DATA_NOT_ALLOWED',
      'A card number is only accepted in source.number (or a network token in source.token)',
      { param: paramOf(path), message: 'holds a card number, accepted only in source.number' },
    );
  }
}

/** A property name, or an array index. */
export type PathSegment = string | number;

/** A property name we may repeat back, or a placeholder when the name itself could be data. */
const nameOfSegment = (segment: string): string =>
  NAMEABLE.test(segment) && !/\d{4}/.test(segment) ? segment : '(unknown field)';

/**
 * The JSON path of a field (docs/errors.md#param): property names joined by dots, array
 * indices in brackets (`items[2].amount`), each name given only if it could not be data.
 * The body (or query) as a whole is the empty path.
 */
export function paramOf(segments: readonly PathSegment[]): string {
  return segments
    .map((segment, at) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : `${at > 0 ? '.' : ''}${nameOfSegment(segment)}`,
    )
    .join('');
}
