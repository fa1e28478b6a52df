import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  startOrchestratorProcess,
  type OrchestratorProcess,
} from '../support/orchestrator-processes.js';
import type { CreateAuthenticationRequest } from '@app/api-client';
import { TeamApi } from '../support/api.js';
import { aCreateBody } from '../support/result-expectations.js';
import { aBrowserChannel } from '../support/simulator/factories.js';
import { startSimulator, type SimulatorUnderTest } from '../support/simulator/simulator-app.js';
import { TEAM_A } from '../support/test-config.js';
import {
  launchChromium,
  MerchantSite,
  postIntoIssuerFrame,
  saveScreenshot,
  type ReceivedMessage,
} from './merchant-site.js';

/**
 * The notification pages' postMessage contract
 * (docs/integrate-browser.md#notification-page-messages), seen by a merchant page on another
 * site that frames the issuer's pages itself, without the helper:
 * one message per step, `{threeDs: 'method-complete' | 'challenge-complete'}`, sent from the
 * orchestrator's origin by the page inside the merchant's iframe.
 */
describe('notification page messages to a framing merchant page (browser)', () => {
  let simulator: SimulatorUnderTest;
  let orchestrator: OrchestratorProcess;
  let shop: MerchantSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    simulator = await startSimulator();
    orchestrator = await startOrchestratorProcess({
      simulatorUrl: simulator.url,
      env: { FRAME_ANCESTORS: 'http://localhost:*' },
    });
    shop = await MerchantSite.start(`${orchestrator.url}/`);
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${shop.url}/issuer-frame`);
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await orchestrator?.stop();
    await simulator?.close();
  });

  const create = async (body: CreateAuthenticationRequest) =>
    (await new TeamApi(orchestrator.url).create(body).expect(201)).body;

  /** The outcome once there is one (a re-read deferred by the cooldown lands shortly after). */
  const outcomeOf = async (id: string): Promise<string> => {
    for (let attempt = 0; ; attempt++) {
      const { body } = await request(orchestrator.url)
        .get(`/v1/authentications/${id}`)
        .set('authorization', `Bearer ${TEAM_A.apiKey}`)
        .expect(200);
      if (body.outcome || attempt === 100) return body.outcome;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const received = async (): Promise<ReceivedMessage[]> => {
    await page.waitForFunction(() => (window as { received?: unknown[] }).received?.length);
    return page.evaluate(() => (window as unknown as { received: ReceivedMessage[] }).received);
  };

  it('3DS Method: the page posts {threeDs: "method-complete"} from the orchestrator origin', async () => {
    const created = await create(aCreateBody('4485040371536584'));
    const action = created.next_action;
    await postIntoIssuerFrame(page, action.method_url, {
      threeDSMethodData: action.three_ds_method_data,
    });

    expect(await received()).toEqual([
      { origin: orchestrator.url, data: { threeDs: 'method-complete' }, fromIssuerFrame: true },
    ]);
  });

  it('challenge: the page posts {threeDs: "challenge-complete"} once the CRes is in', async () => {
    const created = await create(
      aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }),
    );
    const { acs_url, creq } = created.next_action;
    await postIntoIssuerFrame(page, acs_url, { creq });
    const acs = page.frameLocator('#issuer');
    await acs.locator('#password').fill('Checkout1!');
    await acs.locator('#txtButton').click();

    expect(await received()).toEqual([
      { origin: orchestrator.url, data: { threeDs: 'challenge-complete' }, fromIssuerFrame: true },
    ]);
    await saveScreenshot(page, 'notification-page-in-merchant-frame');
    // The message carries nothing: the merchant reads the outcome through its backend.
    await expect(outcomeOf(created.id)).resolves.toBe('authenticated');
  });
});
