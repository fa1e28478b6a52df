import { randomUUID } from 'node:crypto';
import {
  createApiClient,
  type ApiClient,
  type ChannelDataRequest,
  type ClaimRequest,
  type CreateAuthenticationRequest,
  type ReleaseClaimRequest,
  type StepUpRequest,
} from '@app/api-client';
import { TEAM_A } from './test-config.js';

type ChannelData = ChannelDataRequest['channel_data'];

/** An answer as specs assert on it, whatever its status (a supertest response's shape). */
export interface Answer {
  readonly status: number;
  /** Lower-case names, as Node gives them. */
  readonly headers: Record<string, string>;
  /** The JSON body: specs read successes and errors alike; undefined when there is none. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The body as sent, for what must not be in it. */
  readonly text: string;
  readonly request: { readonly method: string; readonly url: string };
}

/** A call on its way: await it for the answer, or `.expect(status)` to fail on another status. */
export class ApiCall implements PromiseLike<Answer> {
  constructor(private readonly answer: Promise<Answer>) {}

  then<A = Answer, B = never>(
    onFulfilled?: ((answer: Answer) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.answer.then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected: (reason: unknown) => B | PromiseLike<B>): Promise<Answer | B> {
    return this.answer.catch(onRejected);
  }

  async expect(status: number): Promise<Answer> {
    const answer = await this.answer;
    if (answer.status !== status) {
      throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer;
  }
}

export interface CreateOptions {
  /** A fresh key unless given; null sends none (the API must refuse that). */
  readonly idempotencyKey?: string | null;
  /** More headers; null removes one the client sets (`authorization`). */
  readonly headers?: Record<string, string | null>;
}

/**
 * One team's view of an orchestrator, through the typed client teams get (libs/api-client): the
 * only way specs create authentications, so a request a spec sends is one the document allows.
 */
export class TeamApi {
  private readonly client: ApiClient;

  constructor(
    readonly baseUrl: string,
    readonly apiKey: string = TEAM_A.apiKey,
  ) {
    this.client = createApiClient({ baseUrl, apiKey, fetch: fetchKeepingText });
  }

  /** The same orchestrator with another key (another team's, a revoked or unknown one). */
  as(apiKey: string): TeamApi {
    return new TeamApi(this.baseUrl, apiKey);
  }

  create(body: CreateAuthenticationRequest, options: CreateOptions = {}): ApiCall {
    return call(
      this.client.POST('/v1/authentications', {
        params: { header: { 'Idempotency-Key': keyOf(options) } },
        headers: options.headers,
        body,
      }),
    );
  }

  /** A new authentication stepping `id` up after a soft decline (docs/step-up.md). */
  stepUp(id: string, body: StepUpRequest, options: CreateOptions = {}): ApiCall {
    return call(
      this.client.POST('/v1/authentications/{id}/step-up', {
        params: { path: { id }, header: { 'Idempotency-Key': keyOf(options) } },
        headers: options.headers,
        body,
      }),
    );
  }

  /** A body the API must refuse (a wrong type, an unknown field), sent as the client would. */
  createUnchecked(body: unknown, options: CreateOptions = {}): ApiCall {
    return this.create(body as CreateAuthenticationRequest, options);
  }

  get(id: string): ApiCall {
    return call(this.client.GET('/v1/authentications/{id}', { params: { path: { id } } }));
  }

  /** `channelData` as the factories make it (untyped), or typed. */
  channelData(id: string, channelData: ChannelData | Record<string, unknown>): ApiCall {
    return call(
      this.client.POST('/v1/authentications/{id}/channel-data', {
        params: { path: { id } },
        body: { channel_data: channelData as ChannelData },
      }),
    );
  }

  issuerFingerprint(id: string, completion: 'Y' | 'N' | 'U'): ApiCall {
    return call(
      this.client.POST('/v1/authentications/{id}/issuer-fingerprint', {
        params: { path: { id } },
        body: { completion },
      }),
    );
  }

  result(id: string, format: 'generic' | 'checkout' | 'stripe' | 'adyen' = 'generic'): ApiCall {
    return call(
      this.client.GET('/v1/authentications/{id}/result', {
        params: { path: { id }, query: { format } },
      }),
    );
  }

  events(id: string): ApiCall {
    return call(this.client.GET('/v1/authentications/{id}/events', { params: { path: { id } } }));
  }

  /** Claims the result for one payment (docs/claims.md): 201, or 200 for the same payment again. */
  claim(id: string, body: ClaimRequest): ApiCall {
    return call(
      this.client.POST('/v1/authentications/{id}/claims', { params: { path: { id } }, body }),
    );
  }

  release(id: string, claim: string, reason: ReleaseClaimRequest['reason']): ApiCall {
    return call(
      this.client.POST('/v1/authentications/{id}/claims/{claim}/release', {
        params: { path: { id, claim } },
        body: { reason },
      }),
    );
  }

  claims(id: string): ApiCall {
    return call(this.client.GET('/v1/authentications/{id}/claims', { params: { path: { id } } }));
  }

  /** The team's outcome summary over a window (docs/api.md#analytics). */
  analytics(window: { from?: string; to?: string } = {}): ApiCall {
    return call(this.client.GET('/v1/analytics/authentications', { params: { query: window } }));
  }
}

/** A fresh key unless given; null leaves the header out, which the generated type cannot say. */
const keyOf = (options: CreateOptions): string =>
  (options.idempotencyKey === undefined ? randomUUID() : options.idempotencyKey) as string;

const exchanges = new WeakMap<Response, Pick<Answer, 'text' | 'request'>>();

/** The global fetch, keeping what an Answer shows besides the parsed body. */
async function fetchKeepingText(request: Request): Promise<Response> {
  // Bounds a hang only: every answer here comes within seconds, even on a busy machine.
  const response = await fetch(request, { signal: AbortSignal.timeout(60_000) });
  const text = await response.clone().text();
  exchanges.set(response, { text, request: { method: request.method, url: request.url } });
  return response;
}

function call(sent: Promise<{ data?: unknown; error?: unknown; response: Response }>): ApiCall {
  return new ApiCall(
    sent.then(({ data, error, response }) => ({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: data ?? error,
      ...exchanges.get(response)!,
    })),
  );
}
