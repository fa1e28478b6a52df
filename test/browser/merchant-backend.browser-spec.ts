import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { createApiClient } from '@app/api-client';
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

/**
 * examples/merchant-backend as a team runs it: its own process on another site (`localhost`)
 * than the orchestrator (127.0.0.1), its page driven in Chromium through the browser helper, its
 * team endpoint registered with the orchestrator and its events verified by signature.
 */
describe('examples/merchant-backend (browser)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;
  let example: AppProcess;
  let exampleUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      env: { FRAME_ANCESTORS: 'http://127.0.0.1:* http://localhost:*' },
    });
    const port = await freePort();
    exampleUrl = `http://localhost:${port}`;
    const api = createApiClient({ baseUrl: orchestrator.url, apiKey: TEAM_A.apiKey });
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
      },
    });
    await example.waitFor(/Merchant backend example listening on/);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    example?.child.kill('SIGTERM');
    await example?.exited();
    await orchestrator?.stop();
    await simulator?.close();
  });

  async function pay(order: { card: string; amount?: number }): Promise<void> {
    await page.goto(exampleUrl);
    await page.locator('#card').fill(order.card);
    if (order.amount !== undefined) await page.locator('#amount').fill(String(order.amount));
    await page.locator('#pay').click();
  }

  async function finished(screenshot: string) {
    await page
      .locator('body[data-phase="done"], body[data-phase="failed"]')
      .waitFor({ timeout: 25_000 });
    await saveScreenshot(page, screenshot);
    if ((await page.locator('body').getAttribute('data-phase')) === 'failed') {
      throw new Error(`the checkout failed: ${await page.locator('#error').textContent()}`);
    }
    return {
      authentication: JSON.parse((await page.locator('#authentication').textContent())!),
      results: JSON.parse((await page.locator('#results').textContent())!),
    };
  }

  /** Resolves once the example has verified a signed team event about `authenticationId`. */
  function verifiedEventFor(authenticationId: string): Promise<VerifiedEvent> {
    return waitUntil(
      async () => {
        const { data } = (await (await fetch(`${exampleUrl}/api/events`)).json()) as {
          data: VerifiedEvent[];
        };
        return data.find((event) => event.authentication_id === authenticationId);
      },
      { describe: () => `no verified event for ${authenticationId}; output:\n${example.output()}` },
    );
  }

  it('frictionless: authenticated, the result in every PSP format, a verified team event', async () => {
    await pay({ card: '4485040371536584' });
    const { authentication, results } = await finished('example-frictionless');

    expect(authentication).toMatchObject({ state: 'result_ready', outcome: 'authenticated' });
    expect(Object.keys(results).sort()).toEqual(['adyen', 'checkout', 'generic', 'stripe']);
    expect(results.generic).toMatchObject({ outcome: 'authenticated' });
    expect(results.adyen).toMatchObject({ mpiData: { directoryResponse: 'Y', eci: '05' } });
    await expect(verifiedEventFor(authentication.id)).resolves.toMatchObject({
      type: 'authentication.completed',
    });
  });

  it('challenge: the password typed in the ACS frame, authenticated, a verified team event', async () => {
    await pay({ card: '4242424242424242' });
    const acs = page.frameLocator('iframe[data-threeds-challenge]');
    await acs.locator('#password').fill('Checkout1!');
    await acs.locator('#txtButton').click();
    const { authentication, results } = await finished('example-challenge');

    expect(authentication).toMatchObject({ outcome: 'authenticated' });
    expect(results.generic).toMatchObject({ outcome: 'authenticated', challenged: true });
    await expect(verifiedEventFor(authentication.id)).resolves.toMatchObject({
      type: 'authentication.completed',
    });
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
