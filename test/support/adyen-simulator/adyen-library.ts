import {
  CheckoutAPI,
  Client,
  Config,
  EnvironmentEnum,
  HttpClientException,
  PaymentAPI,
} from '@adyen/api-library';
import type { IRequest } from '@adyen/api-library/lib/src/typings/requestOptions.js';
import * as apiExceptionModule from '@adyen/api-library/lib/src/services/exception/apiException.js';
import { ADYEN_API_KEY } from './simulator-app.js';

/** The library's ApiException (a CommonJS default export, reached the same way under ESM and Jest). */
const ApiException = (
  'default' in apiExceptionModule.default
    ? apiExceptionModule.default.default
    : apiExceptionModule.default
) as new (message: string, statusCode?: number) => object;

/** The library's `ClientInterface` (`src/httpClient/clientInterface.ts`), as `Client` takes it. */
type ClientInterface = Client['httpClient'];

/** One answer the simulator sent, as it came off the wire (before the library deserialises it). */
export interface WireAnswer {
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
}

/**
 * The library's `ClientInterface` (docs/adyen-authentication.md#pointing-the-library-at-a-simulator),
 * sending to the simulator instead of Adyen's hosts. It does what the library's default
 * HttpURLConnectionClient does, with fetch: the same headers (`X-API-Key` or Basic,
 * `Content-Type`, `Idempotency-Key` from `requestOptions.idempotencyKey`), the configured
 * timeout, and the same errors: a non-2xx answer with `status` becomes an HttpClientException
 * carrying the ServiceError, one with `errors` a plain Error, anything else an
 * HttpClientException with the HTTP status.
 */
export class SimulatorTransport implements ClientInterface {
  readonly answers: WireAnswer[] = [];

  constructor(private readonly simulatorUrl: string) {}

  async request(
    endpoint: string,
    json: string | Buffer,
    config: Config,
    isApiKeyRequired: boolean,
    requestOptions: IRequest.Options = {},
  ): Promise<string> {
    if (isApiKeyRequired && !config.apiKey) {
      throw new HttpClientException({ message: 'Invalid X-API-Key was used', statusCode: 401 });
    }
    const target = new URL(endpoint);
    const query = requestOptions.params
      ? `?${new URLSearchParams(requestOptions.params as Record<string, string>)}`
      : '';
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache',
      'Accept-Charset': 'utf-8',
      ...(config.apiKey
        ? { 'X-API-Key': config.apiKey }
        : {
            Authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`,
          }),
      ...(requestOptions.idempotencyKey
        ? { 'Idempotency-Key': requestOptions.idempotencyKey }
        : {}),
    };
    const method = requestOptions.method ?? 'POST';
    // The default client aborts on its timeout and rejects any transport error with an ApiException.
    const response = await fetch(`${this.simulatorUrl}${target.pathname}${query}`, {
      method,
      headers,
      ...(method === 'GET' ? {} : { body: typeof json === 'string' ? json : new Uint8Array(json) }),
      signal: AbortSignal.timeout(config.connectionTimeoutMillis ?? 30_000),
    }).catch((error: unknown) => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the library's own rejection type
      throw new ApiException(error instanceof Error ? error.message : String(error));
    });
    const text = await response.text();
    this.answers.push({ path: target.pathname, status: response.status, body: parsed(text) });
    if (response.status >= 200 && response.status < 300) return text;
    throw errorOf(response, text);
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function errorOf(response: Response, text: string): Error {
  const responseHeaders = Object.fromEntries(response.headers);
  const body = parsed(text);
  if (typeof body === 'object' && body !== null && 'status' in body) {
    const apiError = body as { status: number; errorCode?: string; message?: string };
    return new HttpClientException({
      message: `HTTP Exception: ${apiError.status}. ${response.statusText}: ${apiError.message}`,
      statusCode: apiError.status,
      errorCode: apiError.errorCode,
      responseHeaders,
      responseBody: text,
      apiError: body as never,
    });
  }
  if (typeof body === 'object' && body !== null && 'errors' in body) return new Error(text);
  return new HttpClientException({
    message: `HTTP Exception: ${response.status}. ${response.statusText}`,
    statusCode: response.status,
    responseHeaders,
    responseBody: text,
  });
}

export interface OfficialLibrary {
  readonly checkout: CheckoutAPI;
  readonly payment: PaymentAPI;
  readonly transport: SimulatorTransport;
}

/** Adyen's official Node library, unmodified, in its TEST environment, over the transport above. */
export function officialLibraryAgainst(
  simulatorUrl: string,
  apiKey: string | undefined = ADYEN_API_KEY,
): OfficialLibrary {
  const transport = new SimulatorTransport(simulatorUrl);
  const client = new Client(
    new Config({ apiKey, environment: EnvironmentEnum.TEST, connectionTimeoutMillis: 5_000 }),
    transport,
  );
  return { checkout: new CheckoutAPI(client), payment: new PaymentAPI(client), transport };
}
