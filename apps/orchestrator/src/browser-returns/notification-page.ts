import { createHash } from 'node:crypto';

export type NotificationMessage = 'method-complete' | 'challenge-complete';

export interface NotificationPage {
  readonly html: string;
  /** Lets exactly this page's script run, and only the merchant pages frame it. */
  readonly contentSecurityPolicy: string;
}

/**
 * The page the cardholder's browser lands on inside the issuer's iframe: it tells the parent
 * (the merchant's page) that this step is over. Its one inline script is allowed by hash.
 */
export function notificationPage(
  message: NotificationMessage,
  frameAncestors: string,
): NotificationPage {
  const script = `window.parent !== window && window.parent.postMessage({ threeDs: '${message}' }, '*');`;
  const hash = createHash('sha256').update(script).digest('base64');
  return {
    html:
      `<!doctype html><html><head><meta charset="utf-8"><title>3-D Secure</title></head><body>` +
      `<p id="status">${message}</p><script>${script}</script></body></html>`,
    contentSecurityPolicy: [
      "default-src 'none'",
      `script-src 'sha256-${hash}'`,
      `frame-ancestors ${frameAncestors}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; '),
  };
}
