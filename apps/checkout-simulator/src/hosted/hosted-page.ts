import { escapeHtml, page } from '@app/simulator-kit';

/** Device fields the page reads in the browser (Checkout's browser channel data). */
const DEVICE_FIELDS = [
  'java_enabled',
  'language',
  'color_depth',
  'screen_height',
  'screen_width',
  'timezone',
] as const;

/**
 * Checkout's hosted page (`_links.redirect_url`): it reads the browser's device data with
 * script and posts it at once; its cancel button ends the authentication.
 */
export function deviceDataPage(action: string): string {
  const inputs = DEVICE_FIELDS.map(
    (name) => `<input type="hidden" name="${name}" id="${name}" value="">`,
  ).join('');
  const target = escapeHtml(action);
  return page(
    'Verifying your card',
    `<p>Verifying your card…</p>
<form id="device" method="post" action="${target}">${inputs}
<noscript><button type="submit">Continue</button></noscript></form>
<form id="cancel" method="post" action="${target}"><input type="hidden" name="action" value="cancel">
<button id="cancelButton" type="submit">Cancel</button></form>
<script>
const set = (name, value) => { document.getElementById(name).value = String(value); };
set('java_enabled', false);
set('language', navigator.language);
set('color_depth', screen.colorDepth);
set('screen_height', screen.height);
set('screen_width', screen.width);
set('timezone', new Date().getTimezoneOffset());
document.getElementById('device').submit();
</script>`,
  );
}
