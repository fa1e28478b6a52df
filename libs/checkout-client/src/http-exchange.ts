import type { HttpService } from '@nestjs/axios';
import { UpstreamUnavailableError } from '@app/domain';
import { AxiosError, type AxiosRequestConfig } from 'axios';
import { firstValueFrom } from 'rxjs';

export interface Exchange<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly requestId?: string;
}

/** Codes after which the request may have reached Checkout (so a POST may have been processed). */
const MAYBE_PROCESSED = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNRESET',
  'ERR_BAD_RESPONSE',
  'EPIPE',
]);

/**
 * One HTTP exchange with a hard deadline. Every status comes back as a value; only "no usable
 * answer" (timeout, network error, unparsable body) throws UpstreamUnavailableError.
 * The Observable ends here: nothing else sees RxJS.
 */
export async function exchange<T>(
  http: HttpService,
  operation: string,
  config: AxiosRequestConfig & { timeout: number },
): Promise<Exchange<T>> {
  try {
    const response = await firstValueFrom(
      http.request<T>({
        ...config,
        validateStatus: () => true,
        transitional: { clarifyTimeoutError: true },
      }),
    );
    const requestId = response.headers['cko-request-id'] as string | undefined;
    if (typeof response.data === 'string' && response.data.length > 0 && isJson(response)) {
      throw new UpstreamUnavailableError(operation, 'unparsable response body', requestId, true);
    }
    return { status: response.status, body: response.data, requestId };
  } catch (error) {
    if (error instanceof UpstreamUnavailableError) throw error;
    const code = error instanceof AxiosError ? (error.code ?? 'network_error') : 'network_error';
    throw new UpstreamUnavailableError(operation, code, undefined, MAYBE_PROCESSED.has(code));
  }
}

function isJson(response: { headers: Record<string, unknown> }): boolean {
  const type = response.headers['content-type'];
  return typeof type === 'string' && type.includes('json');
}
