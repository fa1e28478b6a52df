import type { Browser, Page } from 'playwright-core';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { launchChromium, MerchantSite } from './merchant-site.js';

/** Nothing listens on the discard port: the helper's answers here come from the page itself. */
const NO_CHECKOUT = 'http://127.0.0.1:9';

/** What a backend callback does, as the page builds it. */
type Answer =
  | { kind: 'resolve'; value: unknown }
  | { kind: 'reject'; message: string }
  | { kind: 'authentication'; state: string };

interface Outcome {
  resolved?: { id: string; state: string };
  rejected?: { name: string; code?: string; message: string; answer?: unknown };
}

/**
 * /js/threeds.js with merchant backends that answer badly: the helper must end the run at once
 * with the backend's error, not poll until its result time-out (set to ten minutes here, so a
 * helper that waited would fail the test by the test's own time-out, not by a race).
 */
describe('browser helper and what the merchant backend answers (browser)', () => {
  let orchestrator: OrchestratorProcess;
  let merchant: MerchantSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    orchestrator = await startOrchestratorProcess({ simulatorUrl: NO_CHECKOUT });
    merchant = await MerchantSite.start(`${orchestrator.url}/demo`);
    browser = await launchChromium();
    page = await browser.newPage();
    // A merchant's page on its own origin imports the helper, as shops do (CORS-open module).
    await page.goto(`${merchant.url}/issuer-frame`);
  });
  afterAll(async () => {
    await browser?.close();
    await merchant?.close();
    await orchestrator?.stop();
  });

  function authenticateWith(start: Answer, get: Answer): Promise<Outcome> {
    return page.evaluate(
      async ({ helperUrl, start, get }) => {
        const { authenticate } = await import(helperUrl);
        const callback = (answer: typeof start) => () => {
          if (answer.kind === 'reject') return Promise.reject(new Error(answer.message));
          if (answer.kind === 'resolve') return Promise.resolve(answer.value);
          return Promise.resolve({ id: 'auth_1', state: answer.state, next_action: null });
        };
        const backend = {
          start: callback(start),
          get: callback(get),
          reportMethod: callback(get),
          submitBrowserData: callback(get),
        };
        try {
          const resolved = await authenticate({ backend, resultTimeoutMs: 600_000 });
          return { resolved: { id: resolved.id, state: resolved.state } };
        } catch (error) {
          const { name, code, message, answer } = error as Record<string, unknown>;
          return { rejected: { name, code, message, answer } } as Outcome;
        }
      },
      { helperUrl: `${orchestrator.url}/js/threeds.js`, start, get },
    );
  }

  const refused = { error: { code: 'VALIDATION_FAILED', message: 'amount must be positive' } };
  const pending: Answer = { kind: 'authentication', state: 'awaiting_challenge' };
  const final: Answer = { kind: 'authentication', state: 'result_ready' };

  it.each<[string, Answer, Answer]>([
    ["start() passes on the backend's error body", { kind: 'resolve', value: refused }, final],
    ['start() answers nothing', { kind: 'resolve', value: undefined }, final],
    ['start() answers text', { kind: 'resolve', value: 'Bad Gateway' }, final],
    ['get() answers an error body while waiting', pending, { kind: 'resolve', value: refused }],
    ['get() answers an id without a state', pending, { kind: 'resolve', value: { id: 'x' } }],
  ])('%s: rejects at once with backend_error and the answer', async (_case, start, get) => {
    const outcome = await authenticateWith(start, get);

    const answer = start.kind === 'resolve' ? start.value : (get as { value: unknown }).value;
    expect(outcome.rejected).toEqual({
      name: 'ThreeDsError',
      code: 'backend_error',
      message: expect.stringMatching(
        /^backend\.(start|get)\(\) did not answer with an authentication$/,
      ),
      answer,
    });
  });

  it("rejects with the backend's own error when a callback throws", async () => {
    const outcome = await authenticateWith(
      { kind: 'reject', message: '400 VALIDATION_FAILED' },
      final,
    );

    expect(outcome.rejected).toMatchObject({ name: 'Error', message: '400 VALIDATION_FAILED' });
  });

  it('takes an authentication answer as it is, and resolves once it is final', async () => {
    await expect(authenticateWith(pending, final)).resolves.toEqual({
      resolved: { id: 'auth_1', state: 'result_ready' },
    });
    await expect(authenticateWith(final, final)).resolves.toEqual({
      resolved: { id: 'auth_1', state: 'result_ready' },
    });
  });
});
