import { responseContractViolations } from '../checkout-contract.js';
import { SIMULATOR_CLIENT } from './simulator-app.js';

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON body; undefined for an empty or non-JSON body. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A thin, untyped HTTP client for Checkout's API as a test would use it against the simulator.
 * Every answer of a documented Checkout route is checked against Checkout's OpenAPI document;
 * `contractViolations()` hands over what broke it since the last call (specs check it after
 * each test).
 */
export class CheckoutApi {
  private violations: string[] = [];

  constructor(readonly baseUrl: string) {}

  /** The OpenAPI violations of the answers since the last call, then forgets them. */
  contractViolations(): string[] {
    const found = this.violations;
    this.violations = [];
    return found;
  }

  async token(scope = 'sessions:browser sessions:app'): Promise<string> {
    const response = await this.tokenRequest({
      grant_type: 'client_credentials',
      client_id: SIMULATOR_CLIENT.id,
      client_secret: SIMULATOR_CLIENT.secret,
      scope,
    });
    if (response.status !== 200)
      throw new Error(`token request failed: ${response.status} ${response.text}`);
    return `Bearer ${response.body.access_token}`;
  }

  tokenRequest(
    form: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    return this.send('POST', '/connect/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      rawBody: new URLSearchParams(form).toString(),
    });
  }

  createSession(auth: string | undefined, body: unknown): Promise<ApiResponse> {
    return this.send('POST', '/sessions', { auth, body });
  }

  getSession(
    auth: string | undefined,
    id: string,
    channel?: 'browser' | 'app',
  ): Promise<ApiResponse> {
    return this.send('GET', `/sessions/${id}`, { auth, headers: channel ? { channel } : {} });
  }

  collectData(auth: string | undefined, id: string, body: unknown): Promise<ApiResponse> {
    return this.send('PUT', `/sessions/${id}/collect-data`, { auth, body });
  }

  issuerFingerprint(
    auth: string | undefined,
    id: string,
    completion: string,
  ): Promise<ApiResponse> {
    return this.send('PUT', `/sessions/${id}/issuer-fingerprint`, {
      auth,
      body: { three_ds_method_completion: completion },
    });
  }

  complete(auth: string | undefined, id: string): Promise<ApiResponse> {
    return this.send('POST', `/sessions/${id}/complete`, { auth });
  }

  /** Control API (`/_sim/...`). */
  control(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    return this.send(method, `/_sim${path}`, { body });
  }

  async send(
    method: string,
    path: string,
    options: {
      auth?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      timeoutMs?: number;
    } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.auth) headers.authorization = options.auth;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body:
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    this.violations.push(...responseContractViolations(method, path, response.status, body));
    return { status: response.status, headers: response.headers, text, body };
  }
}

/**
 * Call at describe level: after each test, every Checkout API answer the clients received
 * conforms to Checkout's OpenAPI document. `clients` is read after the test (set in beforeAll).
 */
export function expectConformingAnswers(
  clients: () => CheckoutApi | Array<CheckoutApi | undefined>,
) {
  afterEach(() => {
    const all = [clients()].flat().filter((client) => client !== undefined);
    expect(all.flatMap((client) => client.contractViolations())).toEqual([]);
  });
}
