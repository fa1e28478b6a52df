import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** JSON or form bodies, parsed; undefined otherwise. */
  readonly body: Record<string, unknown> | undefined;
}

/**
 * A plain HTTP endpoint standing in for a merchant (callback, webhooks, notification pages):
 * records every request and answers with the status the test chooses.
 */
export class HttpRecorder {
  readonly requests: RecordedRequest[] = [];
  /** Status for the next requests; a function lets a test fail the first N. */
  respondWith: number | ((request: RecordedRequest, index: number) => number) = 200;
  /** How long each answer is held back: a slow endpoint. */
  answerAfterMs = 0;
  /** Requests received whose answer is still held back. */
  heldBack = 0;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<HttpRecorder> {
    const holder: { recorder?: HttpRecorder } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () =>
        holder.recorder!.handle(
          request.method ?? '',
          request.url ?? '',
          request.headers,
          Buffer.concat(chunks).toString('utf8'),
          response,
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.recorder = new HttpRecorder(server, `http://127.0.0.1:${port}`);
    return holder.recorder;
  }

  to(path: string): string {
    return `${this.url}${path}`;
  }

  received(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Resolves once `count` requests to `path` have arrived (or rejects after `timeoutMs`). */
  async waitFor(path: string, count = 1, timeoutMs = 20_000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received(path).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} request(s) to ${path}, got ${this.received(path).length}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.received(path);
  }

  clear(): void {
    this.requests.length = 0;
    this.respondWith = 200;
    this.answerAfterMs = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    rawBody: string,
    response: import('node:http').ServerResponse,
  ): void {
    const recorded: RecordedRequest = {
      method,
      path: url.split('?')[0],
      headers,
      rawBody,
      body: parseBody(headers, rawBody),
    };
    this.requests.push(recorded);
    const status =
      typeof this.respondWith === 'function'
        ? this.respondWith(recorded, this.requests.length - 1)
        : this.respondWith;
    const answer = () => response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    if (this.answerAfterMs > 0) {
      this.heldBack++;
      setTimeout(() => {
        this.heldBack--;
        answer();
      }, this.answerAfterMs);
    } else {
      answer();
    }
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

function parseBody(headers: IncomingHttpHeaders, raw: string): Record<string, unknown> | undefined {
  const type = headers['content-type'] ?? '';
  try {
    if (type.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return undefined;
  }
  return undefined;
}
