import type { Browser, Page } from 'playwright-core';
import { Orchestration } from '../support/orchestration.js';
import { aCreateBody } from '../support/result-expectations.js';
import { aBrowserChannel } from '../support/simulator/factories.js';
import { launchChromium } from './merchant-site.js';

/** What a merchant page does: post fields to a URL, in the top window here rather than an iframe. */
async function postFromBrowser(
  page: Page,
  action: string,
  fields: Record<string, string>,
): Promise<void> {
  await page.setContent('<form id="f" method="post"></form>');
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.getElementById('f') as HTMLFormElement;
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      form.submit();
    },
    { action, fields },
  );
}

/**
 * The issuer's pages in a real browser: their auto-submitting forms and the ACS password page
 * bring the cardholder back to the orchestrator's notification URLs.
 */
describe('issuer pages in Chromium (browser)', () => {
  let ctx: Orchestration;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ctx = await Orchestration.start();
    browser = await launchChromium();
  });
  beforeEach(async () => {
    await ctx.reset();
    page = await browser.newPage();
  });
  afterEach(() => page.close());
  afterAll(async () => {
    await browser.close();
    await ctx.close();
  });

  it('runs the 3DS Method: the issuer page posts back to us by itself', async () => {
    const created = await ctx.client.create(aCreateBody('4485040371536584')).expect(201);
    const method = created.body.next_action;
    await postFromBrowser(page, method.method_url, {
      threeDSMethodData: method.three_ds_method_data,
    });
    await page.waitForURL(method.notification_url);
    await expect(page.locator('#status').textContent()).resolves.toBe('method-complete');
    await ctx.waitForState(created.body.id, 'awaiting_channel_data');
  });

  it('runs a challenge: password typed on the ACS page, CRes posted back, authenticated', async () => {
    const created = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    const { acs_url, creq } = created.body.next_action;
    await postFromBrowser(page, acs_url, { creq });
    await page.locator('#password').fill('Checkout1!');
    await page.locator('#txtButton').click();
    await page.waitForURL(`${ctx.orchestrator.url}/notifications/challenge/${created.body.id}`);
    await expect(page.locator('#status').textContent()).resolves.toBe('challenge-complete');
    const done = await ctx.waitForState(created.body.id, 'completed');
    expect(done).toMatchObject({ outcome: 'authenticated' });
  });

  it('runs a cancelled challenge to abandoned', async () => {
    const created = await ctx.client
      .create(aCreateBody('4242424242424242', { channel_data: aBrowserChannel() }))
      .expect(201);
    await postFromBrowser(page, created.body.next_action.acs_url, {
      creq: created.body.next_action.creq,
    });
    await page.locator('#cancelButton').click();
    await page.waitForURL(`${ctx.orchestrator.url}/notifications/challenge/${created.body.id}`);
    // Checkout refuses `complete` for an abandoned challenge: the authentication ends closed.
    const done = await ctx.waitForState(created.body.id, 'closed');
    expect(done).toMatchObject({ outcome: 'abandoned' });
  });
});
