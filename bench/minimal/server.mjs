// A deliberately minimal implementation of the orchestrator's frictionless create flow, for
// `npm run bench -- --compare` only (never shipped): plain node:http and pg, no framework.
// Same API subset (POST /v1/authentications with an API key and an Idempotency-Key, the same
// answer's essentials), same Checkout calls against the same simulator, same rows in the
// orchestrator's migrated schema, each durable step one statement (see statements.mjs).
// Anything but a frictionless result is out of its scope: answered 501, the row left to the
// orchestrator's deadline job.
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { checkoutClient } from './checkout.mjs';
import { statements } from './statements.mjs';
import { HttpError, OUTCOMES, resultDocuments, validCreate } from './views.mjs';

const env = process.env;
const PUBLIC_URL = env.PUBLIC_URL.replace(/\/$/, '');
const CRYPTOGRAM_KEY = Buffer.from(env.CRYPTOGRAM_ENCRYPTION_KEY, 'base64');
/** The orchestrator's defaults: RECHECK_CREATION_MS, and a lease before anyone else completes. */
const RECHECK_CREATION_MS = 60_000;
const COMPLETE_LEASE_MS = 30_000;
const MAX_BODY_BYTES = 64 * 1024;
/** The orchestrator's defaults: JOBS_POLL_INTERVAL_MS, JOBS_WORKER_DEAD_AFTER_MS. */
const DUE_POLL_MS = 1_000;
const DUE_LEASE_MS = 30_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const ID_PATTERN = /^auth_[a-z2-7]{26}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const CALLBACK_STATUSES = [...Object.keys(OUTCOMES), 'challenge_abandoned', 'expired'];

const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'bench-minimal',
});
const db = statements(pool);
const checkout = checkoutClient({
  apiUrl: env.CHECKOUT_API_URL.replace(/\/$/, ''),
  tokenUrl: env.CHECKOUT_TOKEN_URL,
  clientId: env.CHECKOUT_CLIENT_ID,
  clientSecret: env.CHECKOUT_CLIENT_SECRET,
  timeoutMs: Number(env.CHECKOUT_TIMEOUT_MS ?? 10_000),
});
/** `complete` calls still running, awaited on shutdown. */
const completing = new Set();

const sha256 = (value, encoding = 'hex') => createHash('sha256').update(value).digest(encoding);
const newId = (prefix) => `${prefix}_${[...randomBytes(26)].map((b) => BASE32[b % 32]).join('')}`;

function encrypt(plaintext) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', CRYPTOGRAM_KEY, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => p.toString('base64url')).join('.');
}

async function create(request, body) {
  const apiKey = /^Bearer\s+(\S{1,200})$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!apiKey) throw new HttpError(401, 'UNAUTHENTICATED', 'A valid API key is required');
  const idempotencyKey = request.headers['idempotency-key'];
  if (typeof idempotencyKey !== 'string' || !KEY_PATTERN.test(idempotencyKey)) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'An Idempotency-Key header is required');
  }
  const input = validCreate(JSON.parse(body.toString('utf8') || 'null'));
  const id = newId('auth');
  const callbackToken = randomBytes(32).toString('base64url');
  const pan = input.source.number;
  const requestHash = sha256(body);
  const created = await db.create({
    apiKeyHash: sha256(apiKey),
    idempotencyKey,
    requestHash,
    id,
    reference: input.reference,
    amount: input.amount ?? null,
    currency: input.currency,
    channel: input.channel,
    sourceType: 'card',
    cardBin: pan.slice(0, 6),
    cardLast4: pan.slice(-4),
    cardFingerprint: createHmac('sha256', env.CARD_FINGERPRINT_KEY).update(pan).digest('hex'),
    callbackTokenHash: sha256(callbackToken),
    recheckAfterMs: RECHECK_CREATION_MS,
  });
  if (!created.team_id) throw new HttpError(401, 'UNAUTHENTICATED', 'A valid API key is required');
  if (!created.created_at) return replay(created.team_id, idempotencyKey, requestHash);

  const { channel: _channel, channel_data: channelData, source, ...passThrough } = input;
  const session = await checkout
    .createSession({
      ...passThrough,
      processing_channel_id: env.CHECKOUT_PROCESSING_CHANNEL_ID,
      source,
      completion: {
        type: 'non_hosted',
        callback_url: `${PUBLIC_URL}/callbacks/checkout/${id}/${callbackToken}`,
        challenge_notification_url: `${PUBLIC_URL}/notifications/challenge/${id}`,
      },
      ...(channelData ? { channel_data: channelData } : {}),
    })
    .catch((error) => {
      throw new HttpError(502, 'UPSTREAM_UNAVAILABLE', error.message);
    });
  const checkoutOutcome = OUTCOMES[session?.status];
  if (!checkoutOutcome) {
    throw new HttpError(
      501,
      'NOT_IN_MINIMAL',
      `Checkout status ${session?.status}: not frictionless`,
    );
  }
  // transStatus I (informational) has no Checkout status of its own.
  const outcome = session.response_code === 'I' ? 'informational' : checkoutOutcome;
  const updatedAt = new Date();
  const { result, response, teamEvent } = resultDocuments({
    id,
    input,
    session,
    outcome,
    createdAt: created.created_at,
    updatedAt,
    teamEventId: newId('msg'),
  });
  await db.result({
    id,
    outcome,
    checkoutSessionId: session.id,
    scheme: session.scheme,
    result,
    cryptogramCiphertext: session.cryptogram ? encrypt(session.cryptogram) : null,
    updatedAt,
    checkoutStatus: session.status,
    teamEvent,
    completeLeaseMs: COMPLETE_LEASE_MS,
    response,
    idempotencyKey,
  });
  const completion = complete(id, session.id).finally(() => completing.delete(completion));
  completing.add(completion);
  return { status: 201, body: response };
}

/** After the answer: `complete`; on failure the lease stays, for the poller to retry. */
async function complete(id, sessionId) {
  try {
    await checkout.completeSession(sessionId);
    await db.completed(id);
  } catch (error) {
    console.error(JSON.stringify({ msg: 'complete failed', id, reason: error.message }));
  }
}

/**
 * The lease's other half: every DUE_POLL_MS, follow-ups due because a process died before it
 * completed (or a `complete` failed) are claimed and `complete` is sent again. A creation
 * deadline (the process died mid-create) is the orchestrator's to settle: out of scope here, it
 * stays leased.
 */
async function pollDue() {
  const claimed = await db.claimDue(10, DUE_LEASE_MS).catch(() => []);
  for (const row of claimed) {
    if (row.state === 'result_ready' && row.provider_session_id) {
      await complete(row.id, row.provider_session_id);
    }
  }
}
const poller = setInterval(() => void pollDue(), DUE_POLL_MS);

async function replay(teamId, key, requestHash) {
  const earlier = await db.earlierRequest(teamId, key);
  if (earlier?.request_hash !== requestHash) {
    throw new HttpError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with a different body',
    );
  }
  if (earlier.state !== 'completed') {
    throw new HttpError(409, 'IDEMPOTENCY_KEY_IN_USE', 'A request with this key is still running');
  }
  return { status: earlier.response_status, body: earlier.response_body, replayed: true };
}

async function callback(id, token, body) {
  let hinted;
  try {
    hinted = JSON.parse(body.toString('utf8'))?.status;
  } catch {
    hinted = undefined;
  }
  const hintedStatus = CALLBACK_STATUSES.includes(hinted) ? hinted : 'other';
  const detail = { hinted_status: hintedStatus, input: sha256(body, 'base64url') };
  const target = ID_PATTERN.test(id) ? await db.callback(id, sha256(token), detail) : undefined;
  if (!target) throw new HttpError(401, 'CALLBACK_TOKEN_INVALID', 'Unknown callback');
  return { status: 200, body: { received: true } };
}

function route(request, body) {
  const path = request.url.split('?')[0];
  if (request.method === 'POST' && path === '/v1/authentications') return create(request, body);
  const callbackPath = /^\/callbacks\/checkout\/([^/]+)\/([^/]+)$/.exec(path);
  if (request.method === 'POST' && callbackPath) {
    return callback(callbackPath[1], decodeURIComponent(callbackPath[2]), body);
  }
  throw new HttpError(404, 'NOT_FOUND', 'No such route');
}

function send(response, { status, body, replayed }) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
  response.end(text);
}

const server = createServer((request, response) => {
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on('end', () => {
    const handled =
      size > MAX_BODY_BYTES
        ? Promise.reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', 'The body is too large'))
        : Promise.resolve().then(() => route(request, Buffer.concat(chunks)));
    handled.then(
      (answer) => send(response, answer),
      (error) => {
        const known = error instanceof HttpError;
        const status = known ? error.status : error instanceof SyntaxError ? 400 : 500;
        const code = known ? error.code : status === 400 ? 'VALIDATION_FAILED' : 'INTERNAL';
        if (status === 500) console.error(JSON.stringify({ msg: 'failed', reason: error.message }));
        const message = status === 500 ? 'Unexpected error' : error.message;
        send(response, {
          status,
          body: {
            error: { code, message, details: {}, request_id: randomBytes(8).toString('hex') },
          },
        });
      },
    );
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    clearInterval(poller);
    server.close();
    server.closeIdleConnections();
    void Promise.allSettled([...completing])
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

server.listen(Number(env.PORT ?? 3100), env.HOST ?? '127.0.0.1', () => {
  console.log(`Minimal create flow listening on http://${env.HOST ?? '127.0.0.1'}:${env.PORT}`);
});
