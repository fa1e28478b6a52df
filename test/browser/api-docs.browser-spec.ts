import type { Browser, Page } from 'playwright-core';
import { Orchestration } from '../support/orchestration.js';
import { launchChromium, saveScreenshot } from './merchant-site.js';

/** Swagger UI at /docs in Chromium: it renders every operation under the page's own CSP. */
describe('API documentation in Chromium (browser)', () => {
  let ctx: Orchestration;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ctx = await Orchestration.start();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('shows every documented operation and webhook and the error catalogue, with nothing blocked', async () => {
    const document = (await (await fetch(`${ctx.orchestrator.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      webhooks: Record<string, Record<string, unknown>>;
    };
    const operations = [
      ...Object.values(document.paths),
      ...Object.values(document.webhooks),
    ].flatMap((item) => Object.keys(item)).length;

    await page.goto(`${ctx.orchestrator.url}/docs`);
    await page.locator('.opblock').first().waitFor();
    await expect(page.locator('.opblock').count()).resolves.toBe(operations);
    await expect(page.locator('.info').textContent()).resolves.toContain('IDEMPOTENCY_KEY_REUSED');

    await page.locator('#operations-authentications-AuthenticationsController_create').click();
    await page.getByText('Idempotency-Key').first().waitFor();
    await saveScreenshot(page, 'api-docs');
    expect(problems).toEqual([]);
  });
});
