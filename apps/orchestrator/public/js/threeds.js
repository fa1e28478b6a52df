/**
 * threeds.js: the cardholder-browser half of a non-hosted EMV 3-D Secure authentication run by
 * the 3-D Secure orchestrator. A plain ES module with no dependencies; types in threeds.d.ts.
 *
 * The orchestrator's API key never reaches the browser: every API call goes through the
 * merchant's own backend, which the page passes in as `backend` (see threeds.d.ts).
 */

/** States after which nothing more happens in the browser. */
const FINAL_STATES = ['result_ready', 'completed', 'closed'];
/** How often an open challenge checks whether the authentication ended without its notice. */
const CHALLENGE_POLL_MS = 5_000;
/** States in which the orchestrator still waits for the 3DS Method or the browser data. */
const WAITING_STATES = ['awaiting_issuer_fingerprint', 'awaiting_channel_data'];

/** EMV 3DS challengeWindowSize: 01–04 are fixed sizes in CSS pixels, 05 is the whole window. */
export const CHALLENGE_WINDOW_SIZES = Object.freeze({
  '01': Object.freeze({ width: 250, height: 400 }),
  '02': Object.freeze({ width: 390, height: 400 }),
  '03': Object.freeze({ width: 500, height: 600 }),
  '04': Object.freeze({ width: 600, height: 400 }),
  '05': null,
});

/** Below this viewport width every challenge is shown full page (a phone). */
const SMALL_SCREEN_WIDTH = 600;
/** EMV 3DS Method: without a completion notice within 10 s, threeDSCompInd is N. */
const DEFAULT_METHOD_TIMEOUT_SECONDS = 10;
const DEFAULT_RESULT_TIMEOUT_MS = 30_000;
/** EMV browserColorDepth takes only these values. */
const EMV_COLOR_DEPTHS = [1, 4, 8, 15, 16, 24, 32, 48];

export class ThreeDsError extends Error {
  constructor(code, message, authentication) {
    super(message);
    this.name = 'ThreeDsError';
    this.code = code;
    this.authentication = authentication;
  }
}

/**
 * The EMV browser fields JavaScript can read. The merchant backend adds `accept_header` (the
 * request's Accept header) and `ip_address` (the client address), which only it can see.
 */
export function collectBrowserData() {
  return {
    channel: 'browser',
    java_enabled: typeof navigator.javaEnabled === 'function' ? navigator.javaEnabled() : false,
    javascript_enabled: true,
    language: navigator.language || 'en',
    color_depth: String(emvColorDepth(screen.colorDepth)),
    screen_height: String(screen.height),
    screen_width: String(screen.width),
    timezone: String(new Date().getTimezoneOffset()),
    user_agent: navigator.userAgent,
  };
}

/**
 * Runs one authentication from start to final state: create (through the backend), the 3DS
 * Method in a hidden iframe, the browser data, then the challenge (3DS2) or the ACS page (3DS1)
 * in a visible iframe. Resolves with the final authentication, whatever its outcome.
 */
export async function authenticate(options) {
  const run = newRun(options);
  let authentication = await run.backend.start();
  run.progress('created', authentication);
  if (WAITING_STATES.includes(authentication.state)) {
    if (authentication.next_action?.type === 'three_ds_method') {
      authentication = await runThreeDsMethod(run, authentication);
    }
    if (WAITING_STATES.includes(authentication.state)) {
      authentication = await run.backend.submitBrowserData(authentication.id, collectBrowserData());
      run.progress('browser_data_sent', authentication);
    }
  }
  if (!FINAL_STATES.includes(authentication.state)) {
    authentication = await runChallenge(run, authentication);
  }
  run.progress('final', authentication);
  return authentication;
}

function newRun(options) {
  if (!options?.backend) throw new ThreeDsError('invalid_options', 'backend is required');
  return {
    backend: options.backend,
    container: options.container,
    challengeWindowSize: options.challengeWindowSize,
    notificationOrigin: options.notificationOrigin ?? new URL(import.meta.url).origin,
    resultTimeoutMs: options.resultTimeoutMs ?? DEFAULT_RESULT_TIMEOUT_MS,
    signal: options.signal,
    progress: (step, authentication, detail) =>
      options.onProgress?.({ step, authentication, ...detail }),
  };
}

/**
 * The issuer's 3DS Method page posts back to the orchestrator's notification page, which reports
 * completion Y itself; the helper reports only what the orchestrator has not: U after the time-out
 * (Checkout's `three_ds_method_completion`: default to U when no response comes within 10 s;
 * docs/checkout-sessions.md#3ds-method-timeout).
 */
async function runThreeDsMethod(run, authentication) {
  const action = authentication.next_action;
  const timeoutSeconds = action.timeout_seconds ?? DEFAULT_METHOD_TIMEOUT_SECONDS;
  const frame = appendFrame(document.body, 'threeds-method', hiddenFrameStyle);
  run.progress('method_started', authentication);
  let completed;
  try {
    postForm(frame, action.method_url, { threeDSMethodData: action.three_ds_method_data });
    completed = await waitForNotice(run, frame, 'method-complete', timeoutSeconds * 1000);
  } finally {
    frame.remove();
  }
  run.progress(completed ? 'method_completed' : 'method_timed_out', authentication);
  const current = await run.backend.get(authentication.id);
  if (current.state !== 'awaiting_issuer_fingerprint') return current;
  try {
    return await run.backend.reportMethod(authentication.id, completed ? 'Y' : 'U');
  } catch (error) {
    // The notice may have reached the orchestrator after the time-out: it reported first.
    const after = await run.backend.get(authentication.id);
    if (after.state === 'awaiting_issuer_fingerprint') throw error;
    return after;
  }
}

/** 3DS2 challenge (CReq to the ACS) or 3DS1 (PaReq to the ACS), then the final state. */
async function runChallenge(run, authentication) {
  const action = authentication.next_action;
  if (action?.type === 'challenge' && action.channel === 'app') {
    const message = 'An app-channel challenge belongs to the 3DS SDK, not the browser';
    throw new ThreeDsError('app_channel', message, authentication);
  }
  const post = issuerPost(action);
  if (post) {
    const size = run.challengeWindowSize ?? creqWindowSize(action.creq) ?? '05';
    const { frame, remove } = challengeFrame(run.container, size);
    run.progress('challenge_shown', authentication, { challengeWindowSize: size });
    // The notice may never come (the page could not load, the cardholder left and Checkout's
    // session expired): the orchestrator's own state ends the wait too.
    const shown = new AbortController();
    try {
      postForm(frame, post.url, post.fields);
      await Promise.race([
        waitForNotice(run, frame, 'challenge-complete'),
        untilFinal(run, authentication.id, shown.signal),
      ]);
    } finally {
      shown.abort();
      remove();
    }
    run.progress('challenge_completed', authentication);
  }
  return waitForFinal(run, authentication);
}

/** Resolves once the authentication is final, polling every CHALLENGE_POLL_MS until `stop`. */
async function untilFinal(run, id, stop) {
  for (;;) {
    await sleep(CHALLENGE_POLL_MS, AbortSignal.any([stop, run.signal].filter(Boolean)));
    // A failed look is only a missed look: the notice, or the next poll, still ends the wait.
    const current = await run.backend.get(id).catch(() => undefined);
    if (current && FINAL_STATES.includes(current.state)) return;
  }
}

/** What the browser posts to the ACS: the CReq (3DS2), or PaReq, TermUrl and MD (3DS1). */
function issuerPost(action) {
  switch (action?.type) {
    case 'challenge':
      return { url: action.acs_url, fields: { creq: action.creq } };
    case 'redirect':
      return {
        url: action.acs_url,
        fields: { PaReq: action.pareq, TermUrl: action.term_url, MD: action.md },
      };
    default:
      return undefined;
  }
}

/**
 * After the challenge the orchestrator re-reads Checkout's result; a re-read it had to defer
 * (another one ran moments before) lands shortly after, so the state is polled until final.
 */
async function waitForFinal(run, authentication) {
  const deadline = Date.now() + run.resultTimeoutMs;
  let current = await run.backend.get(authentication.id);
  let delayMs = 200;
  while (!FINAL_STATES.includes(current.state)) {
    if (Date.now() + delayMs > deadline) {
      const message = 'The authentication did not reach a final state';
      throw new ThreeDsError('result_timeout', message, current);
    }
    await sleep(delayMs, run.signal);
    current = await run.backend.get(authentication.id);
    delayMs = Math.min(delayMs * 2, 2000);
  }
  return current;
}

/**
 * Resolves true when the orchestrator's notification page inside `frame` posts `kind`, false
 * after `timeoutMs` (if given). Only a message from the orchestrator's origin and from this very
 * frame counts; anything else that looks like a notice is reported and ignored.
 */
function waitForNotice(run, frame, kind, timeoutMs) {
  return new Promise((resolve, reject) => {
    let timer;
    const finish = (settle) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      run.signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onMessage = (event) => {
      const notice = event.data?.threeDs;
      if (typeof notice !== 'string') return;
      if (event.origin !== run.notificationOrigin) {
        run.progress('message_ignored', undefined, { reason: 'origin', origin: event.origin });
      } else if (event.source !== frame.contentWindow) {
        run.progress('message_ignored', undefined, { reason: 'frame', origin: event.origin });
      } else if (notice === kind) {
        finish(() => resolve(true));
      }
    };
    const onAbort = () => finish(() => reject(aborted()));
    if (run.signal?.aborted) return onAbort();
    window.addEventListener('message', onMessage);
    run.signal?.addEventListener('abort', onAbort);
    if (timeoutMs !== undefined) timer = setTimeout(() => finish(() => resolve(false)), timeoutMs);
  });
}

/** Form-posts `fields` into `frame` (the issuer's pages take form posts, not fetches). */
function postForm(frame, url, fields) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  form.target = frame.name;
  form.style.display = 'none';
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value ?? '';
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
  form.remove();
}

function appendFrame(parent, purpose, style) {
  const frame = document.createElement('iframe');
  frame.name = `${purpose}-${Math.random().toString(36).slice(2)}`;
  frame.title = '3-D Secure';
  frame.setAttribute(`data-${purpose}`, '');
  Object.assign(frame.style, style);
  parent.appendChild(frame);
  return frame;
}

const hiddenFrameStyle = {
  position: 'absolute',
  width: '0',
  height: '0',
  border: '0',
  visibility: 'hidden',
};

/**
 * The challenge iframe at the EMV size, in `container` or centred over the page; full page for
 * size 05, on small screens, and wherever the chosen size does not fit.
 */
function challengeFrame(container, size) {
  const dimensions = CHALLENGE_WINDOW_SIZES[size] ?? null;
  const fits =
    dimensions !== null &&
    window.innerWidth >= SMALL_SCREEN_WIDTH &&
    window.innerWidth >= dimensions.width &&
    window.innerHeight >= dimensions.height;
  const sized = fits
    ? { width: `${dimensions.width}px`, height: `${dimensions.height}px` }
    : { width: '100%', height: '100%' };
  const frameStyle = { ...sized, border: '0', display: 'block', background: '#fff' };
  if (fits && container) {
    const frame = appendFrame(container, 'threeds-challenge', frameStyle);
    return { frame, remove: () => frame.remove() };
  }
  const overlay = document.createElement('div');
  overlay.setAttribute('data-threeds-overlay', fits ? 'window' : 'full-page');
  Object.assign(overlay.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: fits ? 'rgba(0, 0, 0, 0.5)' : '#fff',
  });
  document.body.appendChild(overlay);
  const frame = appendFrame(overlay, 'threeds-challenge', frameStyle);
  return { frame, remove: () => overlay.remove() };
}

/** The challengeWindowSize the CReq (base64url JSON) asked the ACS for, if it says. */
function creqWindowSize(creq) {
  try {
    const json = atob(creq.replace(/-/g, '+').replace(/_/g, '/'));
    const size = JSON.parse(json).challengeWindowSize;
    return Object.hasOwn(CHALLENGE_WINDOW_SIZES, size) ? size : undefined;
  } catch {
    return undefined;
  }
}

function emvColorDepth(depth) {
  const fitting = EMV_COLOR_DEPTHS.filter((allowed) => allowed <= depth);
  return fitting.length > 0 ? fitting[fitting.length - 1] : 1;
}

const aborted = () => new ThreeDsError('aborted', 'Aborted by the caller');

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
