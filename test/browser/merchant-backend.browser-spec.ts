import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { createApiClient, type ApiClient, type components } from '@app/api-client';
import { runProcess, type AppProcess } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A } from '../support/test-config.js';
import { waitUntil } from '../support/wait-until.js';
import { launchChromium, saveScreenshot } from './merchant-site.js';

interface VerifiedEvent {
  id: string;
  type: string;
  authentication_id: string;
}

/** What the page may learn of a payment: how it went, never the result. */
const PAYMENT_FIELDS = ['guidance', 'outcome', 'paid', 'psp', 'state'];
/** A format that carries the cryptogram, so the example holds one the page must never see. */
const PSP = 'adyen';

/**
 * examples/merchant-backend as a team runs it: its own process on another site (`localhost`)
 * than the orchestrator (127.0.0.1), its page driven in Chromium through the browser helper, its
 * payment claimed for its order, its team endpoint registered with the orchestrator and its
 * events verified by signature.
 */
describe('examples/merchant-backend (browser)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;
  let example: AppProcess;
  let exampleUrl: string;
  let browser: Browser;
  let page: Page;
  /** The team's own view, with its key: what the example did, checked at the source. */
  let api: ApiClient;
  /** Every answer the page and its frames received, bodies included. */
  let received: Array<Promise<{ url: string; body: string }>>;

  beforeAll(async () => {
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      env: { FRAME_ANCESTORS: 'http://127.0.0.1:* http://localhost:*' },
    });
    const port = await freePort();
    exampleUrl = `http://localhost:${port}`;
    api = createApiClient({ baseUrl: orchestrator.url, apiKey: TEAM_A.apiKey });
    const { data: endpoint } = await api.POST('/v1/webhook-endpoints', {
      body: {
        url: `http://127.0.0.1:${port}/events`,
        description: 'merchant backend example',
        redeliver_dead_events: false,
      },
    });
    example = runProcess(process.execPath, ['examples/merchant-backend/server.mjs'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        THREEDS_ORCHESTRATOR_URL: orchestrator.url,
        THREEDS_API_KEY: TEAM_A.apiKey,
        THREEDS_EVENTS_SECRET: endpoint!.secret,
        PSP,
      },
    });
    await example.waitFor(/Merchant backend example listening on/);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    received = [];
    page.on('response', (response) => {
      const url = response.url();
      // A redirect has no body to read.
      received.push(
        response.text().then(
          (body) => ({ url, body }),
          () => ({ url, body: '' }),
        ),
      );
    });
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    example?.child.kill('SIGTERM');
    await example?.exited();
    await orchestrator?.stop();
    await simulator?.close();
  });

  /** Starts paying on the page; resolves with the id of the authentication the order got. */
  async function pay(order: { card: string; amount?: number }): Promise<string | undefined> {
    await page.goto(exampleUrl);
    await page.locator('#card').fill(order.card);
    if (order.amount !== undefined) await page.locator('#amount').fill(String(order.amount));
    const created = page.waitForResponse((response) => response.url().endsWith('/api/orders'));
    await page.locator('#pay').click();
    return ((await (await created).json()) as { id?: string }).id;
  }

  /** What the page shows once it has paid (or failed, which fails the test). */
  async function finished(screenshot: string) {
    await page
      .locator('body[data-phase="done"], body[data-phase="failed"]')
      .waitFor({ timeout: 25_000 });
    await saveScreenshot(page, screenshot);
    if ((await page.locator('body').getAttribute('data-phase')) === 'failed') {
      throw new Error(`the checkout failed: ${await page.locator('#error').textContent()}`);
    }
    const payment = JSON.parse((await page.locator('#payment').textContent())!);
    expect(Object.keys(payment).sort()).toEqual(PAYMENT_FIELDS);
    return payment;
  }

  /** The order's reference (the authentication's) and the claims made on its result. */
  async function claimsOf(id: string) {
    const { data: authentication } = await api.GET('/v1/authentications/{id}', {
      params: { path: { id } },
    });
    const { data: claims } = await api.GET('/v1/authentications/{id}/claims', {
      params: { path: { id } },
    });
    return { reference: authentication!.reference, claims: claims!.data };
  }

  /** The example claimed the result for its order: one active claim, in its PSP's format. */
  async function expectClaimed(id: string, amount = 6540): Promise<string> {
    const { reference, claims } = await claimsOf(id);
    expect(claims).toEqual([
      expect.objectContaining({ payment_reference: reference, psp: PSP, amount, status: 'active' }),
    ]);
    return reference;
  }

  /** The cryptogram (the authentication value) is nowhere in the page or any answer it got. */
  async function expectNoCryptogramInPage(id: string): Promise<void> {
    const { data } = await api.GET('/v1/authentications/{id}/result', {
      params: { path: { id }, query: { format: 'generic' } },
    });
    const { cryptogram } = data as components['schemas']['GenericResult'];
    // Present, so that its absence below says something.
    expect(cryptogram).toMatch(/^.{16,}$/);
    const answers = await Promise.all(received);
    expect(answers.length).toBeGreaterThan(5);
    const leaks = [{ url: 'page DOM', body: await page.content() }, ...answers]
      .filter(({ body }) => body.includes(cryptogram!))
      .map(({ url }) => url);
    expect(leaks).toEqual([]);
  }

  /** `method path` called from the page, with its cookie, as a script on it could. */
  function fromPage(method: string, path: string): Promise<{ status: number; body: unknown }> {
    return page.evaluate(
      async ([method, path]) => {
        const response = await fetch(path, { method });
        return { status: response.status, body: await response.json() };
      },
      [method, path],
    );
  }

  /** Resolves once the example has verified a signed team event about `authenticationId`. */
  /**
   * The example's verified event of this type for the authentication. Each event is delivered on
   * its own, so `authentication.claimed` may arrive before `authentication.completed`.
   */
  function verifiedEventFor(authenticationId: string, type: string): Promise<VerifiedEvent> {
    return waitUntil(
      async () => {
        const { data } = (await (await fetch(`${exampleUrl}/api/events`)).json()) as {
          data: VerifiedEvent[];
        };
        return data.find(
          (event) => event.authentication_id === authenticationId && event.type === type,
        );
      },
      {
        describe: () =>
          `no verified ${type} event for ${authenticationId}; output:\n${example.output()}`,
      },
    );
  }

  it('frictionless: paid with a claim for the order, no cryptogram in the page, a verified event', async () => {
    const id = (await pay({ card: '4485040371536584' }))!;
    const payment = await finished('example-frictionless');

    expect(payment).toEqual({
      // Checkout's `complete` is sent at once and may be confirmed before the example reads.
      state: expect.stringMatching(/^(result_ready|completed)$/),
      outcome: 'authenticated',
      guidance: 'proceed_with_liability_shift',
      paid: true,
      psp: PSP,
    });
    const reference = await expectClaimed(id);
    expect(example.output()).toContain(`paid ${reference} (${PSP}) with claim clm_`);
    await expectNoCryptogramInPage(id);
    await expect(verifiedEventFor(id, 'authentication.completed')).resolves.toMatchObject({
      authentication_id: id,
    });
  });

  it('challenge: the password typed in the ACS frame, paid with a claim, no cryptogram in the page', async () => {
    const id = (await pay({ card: '4242424242424242', amount: 2500 }))!;
    const acs = page.frameLocator('iframe[data-threeds-challenge]');
    await acs.locator('#password').fill('Checkout1!');
    await acs.locator('#txtButton').click();
    const payment = await finished('example-challenge');

    expect(payment).toMatchObject({ outcome: 'authenticated', paid: true, psp: PSP });
    await expectClaimed(id, 2500);
    await expectNoCryptogramInPage(id);
    await expect(verifiedEventFor(id, 'authentication.completed')).resolves.toMatchObject({
      authentication_id: id,
    });
  });

  it('keeps Pay disabled until the browser helper has loaded', async () => {
    let seen!: () => void;
    let release!: () => void;
    const requested = new Promise<void>((resolve) => (seen = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/js/threeds.js', async (route) => {
      seen();
      await released;
      await route.continue();
    });
    const loading = page.goto(exampleUrl);
    await requested;
    expect(await page.locator('#pay').isDisabled()).toBe(true);
    release();
    await loading;
    await page.locator('#pay:enabled').waitFor();
  });

  it('acts only on its own order: any other id is 404, and paying again replays the claim', async () => {
    const id = (await pay({ card: '4485040371536584' }))!;
    await finished('example-replay');
    // The team's own authentication, created with its key but not by this server.
    const { data: foreign } = await api.POST('/v1/authentications', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        source: { type: 'card', number: '4485040371536584', expiry_month: 12, expiry_year: 2030 },
        amount: 100,
        currency: 'EUR',
        channel: 'browser',
        reference: 'NOT-THIS-SERVER',
      },
    });

    for (const other of [foreign!.id, 'auth_not_created_here']) {
      for (const [method, tail] of [
        ['GET', ''],
        ['POST', '/pay'],
        ['POST', '/channel-data'],
      ]) {
        await expect(fromPage(method, `/api/authentications/${other}${tail}`)).resolves.toEqual({
          status: 404,
          body: { error: { code: 'NOT_FOUND', message: `/api/authentications/${other}${tail}` } },
        });
      }
    }
    // Its own order's id, without the cookie that order set in this browser.
    expect((await fetch(`${exampleUrl}/api/authentications/${id}`)).status).toBe(404);

    const again = await fromPage('POST', `/api/authentications/${id}/pay`);
    expect(again).toMatchObject({ status: 200, body: { paid: true, psp: PSP } });
    const reference = await expectClaimed(id);
    // The same claim came back, and the PSP was not asked twice.
    expect(example.output().split(`paid ${reference} `)).toHaveLength(2);
  });

  it("shows the orchestrator's own error at once when the backend's call is refused", async () => {
    await pay({ card: '4485040371536584', amount: -1 });
    await page.locator('body[data-phase="failed"]').waitFor();

    await expect(page.locator('#error').textContent()).resolves.toMatch(/^400 \w+/);
  });

  it('refuses a team event whose signature does not verify', async () => {
    const body = JSON.stringify({ type: 'authentication.completed', data: {} });
    const forged = new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`);
    const id = 'msg_forged';
    const timestamp = new Date();
    const answer = await fetch(`${exampleUrl}/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': forged.sign(id, timestamp, body),
      },
      body,
    });

    expect(answer.status).toBe(400);
  });
});
