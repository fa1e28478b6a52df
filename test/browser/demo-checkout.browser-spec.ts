import type { Browser, FrameLocator, Page } from 'playwright-core';
import request from 'supertest';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { CheckoutApi } from '../support/simulator/checkout-api.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A } from '../support/test-config.js';
import { launchChromium, MerchantSite, saveScreenshot } from './merchant-site.js';

interface Order {
  card: string;
  amount?: number;
  channel?: 'browser' | 'app';
  windowSize?: string;
}

/**
 * The demo checkout page, framed by a merchant page on another site, driven in Chromium: the
 * browser helper runs the 3DS Method, the challenge and 3DS1 inside the frame, against the
 * built orchestrator and the simulator over real HTTP.
 */
describe('demo checkout in an iframe (browser)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;
  let shop: MerchantSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      env: {
        DEMO_PAGE: 'true',
        DEMO_API_KEY: TEAM_A.apiKey,
        FRAME_ANCESTORS: 'http://127.0.0.1:* http://localhost:*',
      },
    });
    shop = await MerchantSite.start(`${orchestrator.url}/`);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await orchestrator?.stop();
    await simulator?.close();
  });

  /** Opens the shop, picks the card in the framed demo and presses Pay. */
  async function pay(order: Order): Promise<FrameLocator> {
    await page.goto(`${shop.url}/checkout`);
    const demo = page.frameLocator('#demo');
    await demo.locator('body[data-phase="ready"]').waitFor();
    const option = demo.locator(`#card option[data-number="${order.card}"]`);
    const value = await option.getAttribute('value');
    if (value === null) throw new Error(`${order.card} is not in the demo's card list`);
    await demo.locator('#card').selectOption(value);
    if (order.amount !== undefined) await demo.locator('#amount').fill(String(order.amount));
    if (order.channel === 'app') await demo.locator('input[name="channel"][value="app"]').check();
    if (order.windowSize) await demo.locator('#window-size').selectOption(order.windowSize);
    await demo.locator('#pay').click();
    return demo;
  }

  /** Waits for the demo to finish and reads what it shows. */
  async function shown(demo: FrameLocator, screenshot: string) {
    await demo
      .locator('body[data-phase="done"], body[data-phase="failed"]')
      .waitFor({ timeout: 25_000 });
    await saveScreenshot(page, screenshot);
    if ((await demo.locator('body').getAttribute('data-phase')) === 'failed') {
      throw new Error(`the demo failed: ${await demo.locator('#error').textContent()}`);
    }
    const authentication = JSON.parse((await demo.locator('#authentication').textContent())!);
    const steps = await demo
      .locator('#progress li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.step));
    const timeline = await demo
      .locator('#timeline tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.toState));
    await demo.locator('#timeline-section').evaluate((section) => section.scrollIntoView());
    await saveScreenshot(page, `${screenshot}-timeline-and-formats`);
    const results: Record<string, unknown> = {};
    for (const format of ['generic', 'checkout', 'stripe', 'adyen']) {
      results[format] = JSON.parse((await demo.locator(`#result-${format}`).textContent())!);
    }
    return { authentication, steps, timeline: timeline.filter(Boolean), results };
  }

  const api = (path: string) =>
    request(orchestrator.url).get(path).set('authorization', `Bearer ${TEAM_A.apiKey}`);

  it('frictionless card: the 3DS Method completes, then the result in every format', async () => {
    const demo = await pay({ card: '4485040371536584' });
    const { authentication, steps, timeline, results } = await shown(demo, 'frictionless');

    expect(authentication).toMatchObject({ outcome: 'authenticated' });
    expect(steps).toEqual(
      expect.arrayContaining(['created', 'method_started', 'method_completed', 'final']),
    );
    expect(steps).not.toContain('challenge_shown');
    expect(timeline).toEqual(
      expect.arrayContaining(['awaiting_issuer_fingerprint', 'awaiting_channel_data']),
    );
    expect(results).toMatchObject({
      generic: { outcome: 'authenticated', eci: '05' },
      checkout: { '3ds': { enabled: true, authentication_id: expect.stringMatching(/^sid_/) } },
      stripe: { payment_method_options: { card: { three_d_secure: expect.any(Object) } } },
      adyen: { mpiData: { directoryResponse: 'Y', eci: '05' } },
    });
    const truth = await api(`/v1/authentications/${authentication.id}`).expect(200);
    expect(truth.body.outcome).toBe('authenticated');
  });

  it('challenge: ignores forged completion messages, the test types the password, authenticated', async () => {
    const demo = await pay({ card: '4242424242424242', windowSize: '02' });
    await demo.locator('body[data-phase="challenge"]').waitFor();
    const frame = demo.locator('iframe[data-threeds-challenge]');
    // Size 02 fits the page: shown in the page's container at the EMV size, 390 × 400.
    await expect(frame.evaluate((el) => [el.clientWidth, el.clientHeight])).resolves.toEqual([
      390, 400,
    ]);

    // The merchant's own page (another origin) posts a look-alike of the completion message.
    await page.evaluate(() =>
      (document.getElementById('demo') as HTMLIFrameElement).contentWindow!.postMessage(
        { threeDs: 'challenge-complete' },
        '*',
      ),
    );
    await demo.locator('#progress li[data-step="message_ignored"]').first().waitFor();
    // The right origin, but not from the challenge frame: the demo page messaging itself.
    const demoFrame = page.frames().find((f) => f.url() === `${orchestrator.url}/`)!;
    await demoFrame.evaluate(() => window.postMessage({ threeDs: 'challenge-complete' }, '*'));
    await demo.locator('#progress li[data-step="message_ignored"]').nth(1).waitFor();
    await expect(demo.locator('#progress').textContent()).resolves.toContain(
      `ignored a 3DS message from ${shop.url} (wrong origin)`,
    );
    await expect(demo.locator('body').getAttribute('data-phase')).resolves.toBe('challenge');
    await saveScreenshot(page, 'challenge-shown');

    const acs = demo.frameLocator('iframe[data-threeds-challenge]');
    await acs.locator('#password').fill('Checkout1!');
    await acs.locator('#txtButton').click();
    const { authentication, steps, results } = await shown(demo, 'challenge-authenticated');

    expect(authentication).toMatchObject({ outcome: 'authenticated' });
    expect(steps).toEqual(expect.arrayContaining(['challenge_shown', 'challenge_completed']));
    expect(results).toMatchObject({ generic: { outcome: 'authenticated', challenged: true } });
  });

  it('cancelled challenge: full page (size 05 from the CReq), abandoned', async () => {
    const demo = await pay({ card: '4242424242424242' });
    await demo
      .locator('[data-threeds-overlay="full-page"] iframe[data-threeds-challenge]')
      .waitFor();
    await demo.frameLocator('iframe[data-threeds-challenge]').locator('#cancelButton').click();
    const { authentication } = await shown(demo, 'challenge-cancelled');

    expect(authentication).toMatchObject({ outcome: 'abandoned' });
    await expect(demo.locator('[data-threeds-overlay]').count()).resolves.toBe(0);
  });

  it('3DS1 card: the ACS page in the frame, PaRes back through TermUrl, attempted', async () => {
    const demo = await pay({ card: '4024007177756441' });
    await demo.locator('body[data-phase="challenge"]').waitFor();
    const acs = demo.frameLocator('iframe[data-threeds-challenge]');
    await acs.locator('#password').fill('Checkout1!');
    await saveScreenshot(page, '3ds1-acs');
    await acs.locator('#txtButton').click();
    const { authentication } = await shown(demo, '3ds1');

    expect(authentication).toMatchObject({ protocol_version: '1.0.2', outcome: 'attempted' });
  });

  it('app channel: the answer shown as JSON', async () => {
    const demo = await pay({ card: '4485040371536584', channel: 'app' });
    const { authentication } = await shown(demo, 'app-channel');

    expect(authentication).toMatchObject({ channel: 'app', outcome: 'authenticated' });
    expect(authentication.checkout_session_secret).toMatch(/hidden/);
  });

  it('a 3DS Method that never answers: completion U after 10 s (as Checkout describes), and the flow goes on', async () => {
    await new CheckoutApi(simulator.url).control('POST', '/faults', {
      route: 'POST /acs/3ds-method',
      kind: 'timeout',
      latency_ms: 15_000,
      times: 1,
    });
    const demo = await pay({ card: '4485040371536584' });
    await demo.locator('#progress li[data-step="method_started"]').waitFor();
    await saveScreenshot(page, 'method-hanging');
    const { authentication, steps } = await shown(demo, 'method-timed-out');

    expect(steps).toContain('method_timed_out');
    expect(steps).not.toContain('method_completed');
    expect(authentication).toMatchObject({ outcome: 'authenticated' });
    const events = await api(`/v1/authentications/${authentication.id}/events`).expect(200);
    expect(events.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'api', detail: { completion: 'U' } }),
      ]),
    );
  }, 60_000);
});
