/**
 * threeds.js: the cardholder-browser half of a non-hosted EMV 3-D Secure authentication run by
 * the 3-D Secure orchestrator. A plain ES module with no dependencies; types in threeds.d.ts.
 *
 * The orchestrator's API key never reaches the browser: every API call goes through the
 * merchant's own backend, which the page passes in as `backend` (see threeds.d.ts).
 */

import {
  appendFrame,
  challengeFrame,
  CHALLENGE_WINDOW_SIZES,
  creqWindowSize,
  hiddenFrameStyle,
} from './threeds-frames.js';

export { CHALLENGE_WINDOW_SIZES };

/** States after which nothing more happens in the browser. */
const FINAL_STATES = ['result_ready', 'completed', 'closed'];
/** How often an open challenge checks whether the authentication ended without its notice. */
const CHALLENGE_POLL_MS = 5_000;
const BACKEND_CALLBACKS = ['start', 'reportMethod', 'submitBrowserData', 'get'];
/** States in which the orchestrator still waits for the 3DS Method or the browser data. */
const WAITING_STATES = ['awaiting_issuer_fingerprint', 'awaiting_channel_data'];

/** EMV 3DS Method: the completion notice is awaited 10 s; without it the helper reports U (Checkout). */
const DEFAULT_METHOD_TIMEOUT_SECONDS = 10;
const DEFAULT_RESULT_TIMEOUT_MS = 30_000;
/** EMV browserColorDepth takes only these values. */
const EMV_COLOR_DEPTHS = [1, 4, 8, 15, 16, 24, 32, 48];

export class ThreeDsError extends Error {
  constructor(code, message, authentication, answer) {
    super(message);
    this.name = 'ThreeDsError';
    this.code = code;
    this.authentication = authentication;
    this.answer = answer;
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
    backend: checkedBackend(options.backend),
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
 * Every backend callback must answer with an authentication; anything else (an error body the
 * backend passed on, nothing at all) ends the run at once instead of polling into a time-out.
 */
function checkedBackend(backend) {
  const call =
    (name) =>
    async (...args) => {
      const answer = await backend[name](...args);
      if (typeof answer?.id === 'string' && typeof answer.state === 'string') return answer;
      const message = `backend.${name}() did not answer with an authentication`;
      throw new ThreeDsError('backend_error', message, undefined, answer);
    };
  return Object.fromEntries(BACKEND_CALLBACKS.map((name) => [name, call(name)]));
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
