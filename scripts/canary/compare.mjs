// How the sandbox canary compares one step's two answers (Checkout's sandbox and the simulator):
// which fields must carry the same value, which only the same shape, and which only the same
// type, because they are minted per session or per host (ids, secrets, timestamps, links' hosts).

/**
 * Top-level fields whose values must match: what a merchant acts on (status, next actions,
 * result, flow) and Checkout's error codes. None of them is secret, so their values are printed.
 */
const SAME_VALUE = new Set([
  'status',
  'status_reason',
  'approved',
  'challenged',
  'completed',
  'response_code',
  'response_status_reason',
  'scheme',
  'amount',
  'currency',
  'authentication_type',
  'authentication_category',
  'flow_type',
  'eci',
  'error_type',
  'error_codes',
]);

/** `next_actions` says what may be done next: a set, so the order it is listed in is not compared. */
const SAME_MEMBERS = new Set(['next_actions']);

/**
 * Fields compared by shape: the 3DS protocol (`2.x.y` vs `1.0.2` for 3DS1) without the exact
 * version the issuer's range speaks, and the ACS's two-digit authentication method.
 */
const SAME_SHAPE = new Map([
  ['protocol_version', (value) => /^(\d+)\.\d+\.\d+$/.exec(value)?.[1] ?? 'not major.minor.patch'],
  ['acs.authentication_type', (value) => (/^\d{2}$/.test(value) ? 'two digits' : 'not two digits')],
]);

/** A link's href: its host differs (sandbox vs a local port), its path on the Sessions API not. */
const LINK_HREF = /^_links\.[^.]+\.href$/;

/** The JSON type of a value, telling arrays and null apart from objects. */
export function jsonType(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * The differences between two answers to the same request, each `{ path, sandbox, simulator }`
 * (what each side had, as printed). An answer is `{ status, body }`, `body` undefined when empty.
 */
export function compareAnswers(sandbox, simulator) {
  const differences = [];
  if (sandbox.status !== simulator.status) {
    differences.push({
      path: 'HTTP status',
      sandbox: String(sandbox.status),
      simulator: String(simulator.status),
    });
  }
  compareValues('body', sandbox.body, simulator.body, differences);
  return differences;
}

/** One line of the canary's report: the case and step, then what differs. */
export function describeDifference(where, { path, sandbox, simulator }) {
  return `canary: ${where}: ${path}: sandbox ${sandbox}, simulator ${simulator}`;
}

function compareValues(path, sandbox, simulator, differences) {
  if (sandbox === undefined && simulator === undefined) return;
  if (sandbox === undefined || simulator === undefined) {
    differences.push({
      path,
      sandbox: sandbox === undefined ? 'absent' : jsonType(sandbox),
      simulator: simulator === undefined ? 'absent' : jsonType(simulator),
    });
    return;
  }
  if (jsonType(sandbox) !== jsonType(simulator)) {
    differences.push({ path, sandbox: jsonType(sandbox), simulator: jsonType(simulator) });
    return;
  }
  const field = path.replace(/^body\./, '');
  const shown = valueCheck(field, sandbox, simulator);
  if (shown) {
    differences.push({ path, ...shown });
    return;
  }
  if (jsonType(sandbox) === 'object') {
    const names = new Set([...Object.keys(sandbox), ...Object.keys(simulator)]);
    for (const name of [...names].sort()) {
      const nested = path === 'body' ? name : `${path}.${name}`;
      compareValues(nested, sandbox[name], simulator[name], differences);
    }
  }
}

/** What to print when two values of the same type differ where they must not; else undefined. */
function valueCheck(field, sandbox, simulator) {
  const print = (value) => JSON.stringify(value);
  if (SAME_VALUE.has(field) && print(sandbox) !== print(simulator)) {
    return { sandbox: print(sandbox), simulator: print(simulator) };
  }
  if (SAME_MEMBERS.has(field) && print([...sandbox].sort()) !== print([...simulator].sort())) {
    return { sandbox: print(sandbox), simulator: print(simulator) };
  }
  const shapeOf = SAME_SHAPE.get(field);
  if (shapeOf && typeof sandbox === 'string' && shapeOf(sandbox) !== shapeOf(simulator)) {
    return { sandbox: print(sandbox), simulator: print(simulator) };
  }
  if (LINK_HREF.test(field) && typeof sandbox === 'string') {
    const [sandboxPath, simulatorPath] = [sandbox, simulator].map(sessionsApiPath);
    if ((sandboxPath || simulatorPath) && sandboxPath !== simulatorPath) {
      return { sandbox: sandboxPath ?? 'another host', simulator: simulatorPath ?? 'another host' };
    }
  }
  return undefined;
}

/**
 * The path of a link into the Sessions API with the session id replaced (`/sessions/{id}/complete`);
 * undefined for links elsewhere (the issuer's 3DS Method URL, the ACS, the merchant's callback).
 */
function sessionsApiPath(href) {
  let pathname;
  try {
    pathname = new URL(href).pathname;
  } catch {
    return undefined;
  }
  return /^\/sessions\/sid_\w+/.test(pathname)
    ? pathname.replace(/^\/sessions\/sid_\w+/, '/sessions/{id}')
    : undefined;
}
