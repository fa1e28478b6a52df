// The checkout page: the orchestrator's browser helper does the 3DS Method, the browser data and
// the challenge; every call it makes goes to this page's own backend, never to the orchestrator.
// The page never holds the result: it asks the backend to pay and shows the outcome.
const orchestratorUrl = document.querySelector('meta[name="orchestrator"]').content;
const { authenticate } = await import(`${orchestratorUrl}/js/threeds.js`);

const byId = (id) => document.getElementById(id);

/** The backend's error as it answered it: status, and the orchestrator's code and message. */
class BackendError extends Error {
  constructor(status, body) {
    const error = body?.error ?? {};
    super(`${status} ${error.code ?? ''} ${error.message ?? ''}`.trim());
    this.status = status;
    this.body = body;
  }
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  // A non-2xx must reject at once with the backend's error, not leave the helper waiting.
  if (!response.ok) throw new BackendError(response.status, json);
  if (json === null) throw new BackendError(response.status, { error: { code: 'NOT_JSON' } });
  return json;
}

const path = (id, tail = '') => `/api/authentications/${encodeURIComponent(id)}${tail}`;

function backendFor(order) {
  return {
    // Creates the order and its authentication; the backend remembers it in a cookie.
    start: () => call('POST', '/api/orders', order),
    reportMethod: (id, completion) => call('POST', path(id, '/issuer-fingerprint'), { completion }),
    submitBrowserData: (id, browserData) => call('POST', path(id, '/channel-data'), browserData),
    get: (id) => call('GET', path(id)),
  };
}

const show = (id, value) => (byId(id).textContent = JSON.stringify(value, null, 2));

async function pay(event) {
  event.preventDefault();
  document.body.dataset.phase = 'running';
  byId('error').hidden = true;
  const order = {
    card: byId('card').value.replace(/\s/g, ''),
    amount: Number(byId('amount').value),
    currency: byId('currency').value.toUpperCase(),
  };
  try {
    const authentication = await authenticate({
      backend: backendFor(order),
      container: byId('challenge'),
    });
    // The backend claims the result for this order and hands it to its PSP; the answer says how
    // it went (state, outcome, guidance, paid, psp), never the result itself.
    const payment = await call('POST', path(authentication.id, '/pay'));
    const paid = payment.paid ? `paid (${payment.psp})` : 'not paid';
    byId('summary').textContent = `${payment.outcome} · ${payment.guidance} · ${paid}`;
    show('payment', payment);
    document.body.dataset.phase = 'done';
  } catch (error) {
    byId('error').textContent = error.message;
    byId('error').hidden = false;
    document.body.dataset.phase = 'failed';
  }
}

async function refreshEvents() {
  show('events', (await call('GET', '/api/events')).data);
}

byId('order').addEventListener('submit', pay);
// Enabled once the helper is loaded: a click before would submit the form as plain HTML.
byId('pay').disabled = false;
setInterval(() => void refreshEvents().catch(() => {}), 2_000);
