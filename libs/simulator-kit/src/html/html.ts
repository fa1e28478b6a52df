const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double-quoted attributes. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ESCAPES[char]);

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
input,button{font:inherit;padding:.4rem .8rem;margin:.3rem 0}</style></head>
<body>${body}</body></html>`;
}

/** A form that posts `fields` to `action` as soon as the page loads, as ACS pages do. */
export function autoPost(title: string, action: string, fields: Record<string, string>): string {
  const inputs = hiddenInputs(fields);
  return page(
    title,
    `<form id="autopost" method="post" action="${escapeHtml(action)}">${inputs}
<noscript><button type="submit">Continue</button></noscript></form>
<script>document.getElementById('autopost').submit();</script>`,
  );
}

export function passwordForm(
  title: string,
  action: string,
  prompt: string,
  fields: Record<string, string>,
): string {
  const inputs = hiddenInputs(fields);
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(prompt)}</p>
<form method="post" action="${escapeHtml(action)}">${inputs}
<label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="off"><br>
<button id="txtButton" type="submit" name="action" value="submit">Continue</button>
<button id="cancelButton" type="submit" name="action" value="cancel">Cancel</button></form>`,
  );
}

function hiddenInputs(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
