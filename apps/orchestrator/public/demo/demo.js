// The demo checkout: a merchant page using the browser helper. Its "merchant backend" is the
// orchestrator's demo-only /demo/api routes, which hold the API key; this page never sees it.
import { authenticate } from '/js/threeds.js';

const RESULT_FORMATS = ['generic', 'checkout', 'stripe', 'adyen'];
const byId = (id) => document.getElementById(id);

class DemoApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body?.error?.code ?? ''} ${body?.error?.message ?? ''}`.trim());
    this.status = status;
    this.body = body;
  }
}

async function api(method, path, body) {
  const response = await fetch(`/demo/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new DemoApiError(response.status, json);
  return json;
}

/** The merchant backend as the helper calls it: one route per orchestrator call. */
function backendFor(order) {
  const path = (id, tail = '') => `/authentications/${encodeURIComponent(id)}${tail}`;
  return {
    start: () => api('POST', '/authentications', order),
    reportMethod: (id, completion) => api('POST', path(id, '/issuer-fingerprint'), { completion }),
    submitBrowserData: (id, browserData) => api('POST', path(id, '/channel-data'), browserData),
    get: (id) => api('GET', path(id)),
  };
}

const PROGRESS_TEXT = {
  created: (p) => `created ${p.authentication.id} (${p.authentication.state})`,
  method_started: () => '3DS Method started in a hidden iframe',
  method_completed: () => '3DS Method completed (the issuer page posted back)',
  method_timed_out: () => '3DS Method: no answer within 10 s, completion N reported',
  browser_data_sent: (p) => `browser data sent: ${p.authentication.state}`,
  challenge_shown: (p) => `challenge shown (window ${p.challengeWindowSize})`,
  challenge_completed: () => 'challenge completed (notification page posted its message)',
  message_ignored: (p) => `ignored a 3DS message from ${p.origin} (wrong ${p.reason})`,
  final: (p) => `final: ${p.authentication.state}, ${p.authentication.outcome}`,
};

function logProgress(progress) {
  const item = document.createElement('li');
  item.dataset.step = progress.step;
  item.textContent = PROGRESS_TEXT[progress.step]?.(progress) ?? progress.step;
  byId('progress').appendChild(item);
  if (progress.step === 'challenge_shown') document.body.dataset.phase = 'challenge';
  if (progress.step === 'challenge_completed') document.body.dataset.phase = 'running';
}

function showJson(id, value) {
  byId(id).textContent = JSON.stringify(value, null, 2);
}

async function showResult(authentication) {
  byId('summary').textContent =
    `${authentication.state} · ${authentication.outcome ?? 'no outcome'} · ` +
    `${authentication.guidance ?? 'no guidance'}`;
  byId('summary').dataset.outcome = authentication.outcome ?? '';
  showJson('authentication', authentication);
  byId('outcome').hidden = false;
  await showTimeline(authentication.id);
  await showFormats(authentication.id);
}

async function showTimeline(id) {
  const events = await api('GET', `/authentications/${id}/events`);
  const rows = events.data.map((event) => {
    const row = document.createElement('tr');
    for (const value of [event.at, event.event, event.from_state, event.to_state, event.source]) {
      const cell = document.createElement('td');
      cell.textContent = value ?? '';
      row.appendChild(cell);
    }
    row.dataset.toState = event.to_state ?? '';
    return row;
  });
  byId('timeline').tBodies[0].replaceChildren(...rows);
  byId('timeline-section').hidden = false;
}

async function showFormats(id) {
  const blocks = await Promise.all(
    RESULT_FORMATS.map(async (format) => {
      const answer = await api('GET', `/authentications/${id}/result?format=${format}`).catch(
        (error) => (error instanceof DemoApiError ? error.body : { error: String(error) }),
      );
      const block = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = format;
      const pre = document.createElement('pre');
      pre.id = `result-${format}`;
      pre.textContent = JSON.stringify(answer, null, 2);
      block.append(title, pre);
      return block;
    }),
  );
  byId('results').replaceChildren(...blocks);
  byId('formats').hidden = false;
}

function resetView() {
  byId('progress').replaceChildren();
  byId('error').hidden = true;
  for (const id of ['outcome', 'timeline-section', 'formats']) byId(id).hidden = true;
}

async function pay(event) {
  event.preventDefault();
  resetView();
  document.body.dataset.phase = 'running';
  byId('pay').disabled = true;
  const form = new FormData(byId('checkout'));
  const order = {
    card: Number(form.get('card')),
    amount: Number(form.get('amount')),
    currency: form.get('currency'),
    channel: form.get('channel'),
  };
  try {
    const authentication =
      order.channel === 'app'
        ? await api('POST', '/authentications', order)
        : await authenticate({
            backend: backendFor(order),
            container: byId('challenge'),
            challengeWindowSize: form.get('window-size') || undefined,
            notificationOrigin: config.notification_origin,
            onProgress: logProgress,
          });
    await showResult(authentication);
    document.body.dataset.phase = 'done';
  } catch (error) {
    byId('error').textContent = error instanceof Error ? error.message : String(error);
    byId('error').hidden = false;
    document.body.dataset.phase = 'failed';
  } finally {
    byId('pay').disabled = false;
  }
}

function cardLabel(card) {
  const grouped = card.number.replace(/(\d{4})(?=\d)/g, '$1 ');
  const method = card.three_ds_method_url ? ', 3DS Method' : '';
  return `${grouped} · ${card.scheme} · ${card.flow} → ${card.outcome}${method}`;
}

function showCards(cards) {
  const select = byId('card');
  const groups = new Map();
  cards.forEach((card, index) => {
    if (!groups.has(card.flow)) {
      const group = document.createElement('optgroup');
      group.label = card.flow;
      groups.set(card.flow, group);
      select.appendChild(group);
    }
    const option = new Option(cardLabel(card), String(index));
    option.dataset.number = card.number;
    groups.get(card.flow).appendChild(option);
  });
  const showNote = () => {
    byId('card-note').textContent = cards[Number(select.value)]?.note ?? '';
  };
  select.addEventListener('change', showNote);
  showNote();
}

const config = await api('GET', '/config');
byId('password').textContent = config.challenge_password;
byId('fallback-amount').textContent = String(config.three_ds1_fallback_amount);
showCards(config.cards);
byId('checkout').addEventListener('submit', (event) => void pay(event));
document.body.dataset.phase = 'ready';
