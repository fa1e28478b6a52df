// The minimal's Checkout calls: OAuth client credentials with one token cached for its lifetime
// (shared by concurrent callers), POST /sessions and POST /sessions/{id}/complete. Same scopes,
// refresh margin and deadlines as the orchestrator's client (libs/checkout-client).

const SCOPES = ['sessions:app', 'sessions:browser'].join(' ');
const REFRESH_MARGIN_MS = 60_000;

export function checkoutClient({ apiUrl, tokenUrl, clientId, clientSecret, timeoutMs }) {
  /** { value, refreshAt }: refreshed `REFRESH_MARGIN_MS` (at most half its life) before expiry. */
  let cached;
  let pending;

  async function requestToken() {
    const requestedAt = Date.now();
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: SCOPES,
      }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 200 || !body.access_token || !body.expires_in) {
      throw new Error(`token request answered ${response.status}`);
    }
    const lifetimeMs = body.expires_in * 1000;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
    cached = { value: body.access_token, refreshAt: requestedAt + lifetimeMs - margin };
    return cached;
  }

  async function accessToken() {
    if (cached && Date.now() < cached.refreshAt) return cached.value;
    pending ??= requestToken().finally(() => (pending = undefined));
    return (await pending).value;
  }

  /** One call; a 401 drops the token (unless already replaced) and the call goes once more. */
  async function call(method, path, body) {
    for (let attempt = 1; ; attempt++) {
      const token = await accessToken();
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status !== 401 || attempt === 2) return response;
      if (cached?.value === token) cached = undefined;
      await response.arrayBuffer();
    }
  }

  return {
    /** The session Checkout created (201), or an Error naming what came back instead. */
    async createSession(request) {
      const response = await call('POST', '/sessions', request);
      const session = await response.json().catch(() => undefined);
      if (response.status !== 201 && response.status !== 202) {
        throw new Error(`POST /sessions answered ${response.status}`);
      }
      return session;
    },
    /** Checkout answers 204 once our callback_url accepted its POST. */
    async completeSession(sessionId) {
      const response = await call('POST', `/sessions/${encodeURIComponent(sessionId)}/complete`);
      await response.arrayBuffer();
      if (response.status !== 204) {
        throw new Error(`POST /sessions/{id}/complete answered ${response.status}`);
      }
    },
  };
}
