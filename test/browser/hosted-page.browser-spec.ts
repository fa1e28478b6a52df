import type { Browser, Page } from 'playwright-core';
import { HttpRecorder } from '../support/http-recorder.js';
import { Orchestration } from '../support/orchestration.js';
import { aCreateBody } from '../support/result-expectations.js';
import { launchChromium } from './merchant-site.js';

/**
 * Hosted authentication in a real browser: the team sends the cardholder to Checkout's page,
 * whose own script posts the device data; the cardholder comes back through our return URL to
 * the team's page for the outcome.
 */
describe("Checkout's hosted page in Chromium (browser)", () => {
  let ctx: Orchestration;
  let shop: HttpRecorder;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ctx = await Orchestration.start();
    shop = await HttpRecorder.start();
    browser = await launchChromium();
  });
  beforeEach(async () => {
    await ctx.reset();
    shop.clear();
    page = await browser.newPage();
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser.close();
    await shop.close();
    await ctx.close();
  });

  async function aHostedAuthentication(number: string) {
    const hosted = {
      success_url: shop.to('/3ds/success'),
      failure_url: shop.to('/3ds/failure'),
      cancel_url: shop.to('/3ds/cancel'),
    };
    const created = await ctx.client.create(aCreateBody(number, { hosted })).expect(201);
    return created.body as { id: string; next_action: { redirect_url: string } };
  }

  /** Where the browser ended, on the team's site: the page and its query. */
  async function landedOn(page: Page, path: string) {
    await page.waitForURL((url) => url.pathname === path);
    return Object.fromEntries(new URL(page.url()).searchParams);
  }

  it('runs frictionless by itself and lands on the success page', async () => {
    const authentication = await aHostedAuthentication('4485040371536584');
    await page.goto(authentication.next_action.redirect_url);
    await expect(landedOn(page, '/3ds/success')).resolves.toEqual({
      authentication_id: authentication.id,
      state: 'completed',
      outcome: 'authenticated',
    });
  });

  it('shows the challenge, takes the password and lands on the success page', async () => {
    const authentication = await aHostedAuthentication('4242424242424242');
    await page.goto(authentication.next_action.redirect_url);
    await page.locator('#password').fill('Checkout1!');
    await page.locator('#txtButton').click();
    await expect(landedOn(page, '/3ds/success')).resolves.toMatchObject({
      outcome: 'authenticated',
    });
  });

  it('sends a cardholder who cancels the challenge to the cancel page', async () => {
    const authentication = await aHostedAuthentication('4242424242424242');
    await page.goto(authentication.next_action.redirect_url);
    await page.locator('#cancelButton').click();
    await expect(landedOn(page, '/3ds/cancel')).resolves.toMatchObject({
      authentication_id: authentication.id,
      outcome: 'abandoned',
    });
  });
});
