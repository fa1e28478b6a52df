import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../support/free-port.js';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser downloads cannot work here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Kept by CI as artifacts (see .ci/run); git-ignored. */
export const SCREENSHOT_DIR = resolve('artifacts/screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // The viewport only: a full-page capture leaves out-of-process iframes (the framed demo and
  // the issuer's pages inside it) blank in headless Chromium.
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`) });
}

/** A message the merchant page received, as its listener saw it. */
export interface ReceivedMessage {
  origin: string;
  data: unknown;
  fromIssuerFrame: boolean;
}

/** Every page records the messages it receives in `window.received`. */
const RECORDER = `<script>
window.received = [];
addEventListener('message', (event) => {
  const issuer = document.getElementById('issuer');
  window.received.push({
    origin: event.origin,
    data: event.data,
    fromIssuerFrame: !!issuer && event.source === issuer.contentWindow,
  });
});
</script>`;

/**
 * A merchant's site on another origin (`localhost`, another port: another site than the
 * orchestrator's 127.0.0.1), framing the demo checkout the way a shop frames its payment step.
 */
export class MerchantSite {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** `/checkout` frames `demoUrl` as #demo; `/issuer-frame` has an empty iframe #issuer. */
  static async start(demoUrl: string): Promise<MerchantSite> {
    const pages: Record<string, string> = {
      '/checkout':
        `<!doctype html><title>Shop</title><h1>Shop (merchant origin)</h1>${RECORDER}` +
        `<iframe id="demo" src="${demoUrl}" width="1100" height="1400" ` +
        `style="border:1px solid #999"></iframe>`,
      '/issuer-frame':
        `<!doctype html><title>Shop</title>${RECORDER}` +
        `<iframe id="issuer" name="issuer" width="500" height="600"></iframe>`,
    };
    const server = createServer((request, response) => {
      const page = pages[request.url ?? ''];
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page ?? 'not found');
    });
    const port = await freePort();
    await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
    return new MerchantSite(server, `http://localhost:${port}`);
  }

  close(): Promise<void> {
    return new Promise((done) => {
      this.server.closeAllConnections();
      this.server.close(() => done());
    });
  }
}

/** Form-posts `fields` into the #issuer iframe of `/issuer-frame`, as a merchant page does. */
export async function postIntoIssuerFrame(
  page: Page,
  action: string,
  fields: Record<string, string>,
): Promise<void> {
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      form.target = 'issuer';
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      document.body.appendChild(form);
      form.submit();
    },
    { action, fields },
  );
}
