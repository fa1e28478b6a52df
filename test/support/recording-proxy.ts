import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './http-recorder.js';

/**
 * A pass-through HTTP proxy in front of a server (the simulator): records every request as sent,
 * body included, and relays the answer unchanged. What the orchestrator sends to Checkout is
 * seen here exactly as Checkout would receive it.
 */
export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetUrl: string): Promise<RecordingProxy> {
    const target = new URL(targetUrl);
    const holder: { proxy?: RecordingProxy } = {};
    const server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const rawBody = Buffer.concat(chunks);
        holder.proxy!.requests.push({
          method: incoming.method ?? '',
          path: (incoming.url ?? '').split('?')[0],
          headers: incoming.headers,
          rawBody: rawBody.toString('utf8'),
          body: parseBody(incoming.headers['content-type'], rawBody.toString('utf8')),
        });
        const relay = forward(
          {
            host: target.hostname,
            port: target.port,
            method: incoming.method,
            path: incoming.url,
            headers: { ...incoming.headers, host: target.host },
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        relay.on('error', () => outgoing.destroy());
        relay.end(rawBody);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.proxy = new RecordingProxy(server, `http://127.0.0.1:${port}`);
    return holder.proxy;
  }

  /** Requests with this method and path, in arrival order. */
  sent(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((one) => one.method === method && one.path === path);
  }

  clear(): void {
    this.requests.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseBody(type: string | undefined, raw: string): Record<string, unknown> | undefined {
  try {
    if (type?.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type?.includes('x-www-form-urlencoded'))
      return Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return undefined;
  }
  return undefined;
}
