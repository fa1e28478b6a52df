import type { AdyenClientOptions } from '@app/adyen-client';
import { Logger } from '@nestjs/common';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the next request is answered. */
export type ScriptedAnswer =
  | {
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** An object is sent as JSON; a string as it is (a malformed body). */
      readonly body?: object | string;
    }
  /** Never answered: the request was received, the answer is lost. */
  | 'hang'
  /** The connection is dropped once the whole request was received. */
  | 'reset';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Which TCP connection carried it: 1 for the first the server accepted, and so on. */
  readonly connection: number;
}

/**
 * A stand-in for Adyen's hosts on a loopback port, for the client's transport: answers each
 * request as scripted (default 200 `{}`), and records what came and on which connection.
 */
export class ScriptedAdyen {
  readonly received: ReceivedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private readonly connections = new WeakMap<Socket, number>();
  private connectionCount = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<ScriptedAdyen> {
    const holder: { adyen?: ScriptedAdyen } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const adyen = holder.adyen!;
        adyen.received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          connection: adyen.connections.get(request.socket) ?? 0,
        });
        const answer = adyen.script.shift() ?? {};
        if (answer === 'hang') return;
        if (answer === 'reset') return void request.socket.destroy();
        const body = answer.body ?? {};
        response
          .writeHead(answer.status ?? 200, {
            'content-type': 'application/json',
            ...answer.headers,
          })
          .end(typeof body === 'string' ? body : JSON.stringify(body));
      });
    });
    server.on('connection', (socket: Socket) => {
      const adyen = holder.adyen!;
      adyen.connections.set(socket, ++adyen.connectionCount);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.adyen = new ScriptedAdyen(server, `http://127.0.0.1:${port}`);
    return holder.adyen;
  }

  /** Answers for the next requests, in order; later ones get 200 `{}`. */
  answerNext(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  /** How many TCP connections the server has accepted so far. */
  get connectionsAccepted(): number {
    return this.connectionCount;
  }

  clear(): void {
    this.received.length = 0;
    this.script.length = 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Secrets the client's options carry: none may reach a log line. */
export const API_KEY = 'AQE-unit-api-key-never-logged';
export const CLIENT_KEY = 'test_UNITCLIENTKEYNEVERLOGGED';
export const MERCHANT_ACCOUNT = 'UnitMerchantECOM';

/** The three base URLs of Adyen's APIs as the simulator (or this stand-in) serves them at `url`. */
export const adyenUrlsAt = (url: string) => ({
  apiUrl: `${url}/v71`,
  paymentApiUrl: `${url}/pal/servlet/Payment/v68`,
  checkoutShopperUrl: `${url}/checkoutshopper`,
});

/**
 * Client options for Adyen's hosts at `url`, laid out as the simulator's routes lay them
 * (docs/adyen-simulator.md#what-it-reproduces).
 */
export function adyenOptionsAt(
  url: string,
  overrides: Partial<AdyenClientOptions> = {},
): AdyenClientOptions {
  return {
    ...adyenUrlsAt(url),
    apiKey: API_KEY,
    clientKey: CLIENT_KEY,
    merchantAccount: MERCHANT_ACCOUNT,
    timeouts: { readMs: 10_000, authenticationMs: 15_000 },
    ...overrides,
  };
}

/** Every line logged through Nest's Logger while `run` runs, each as JSON text. */
export async function loggedWhile(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const record = (...args: unknown[]) => void lines.push(JSON.stringify(args));
  Logger.overrideLogger({
    log: record,
    error: record,
    warn: record,
    debug: record,
    verbose: record,
    fatal: record,
  });
  try {
    await run();
  } finally {
    Logger.overrideLogger(false);
  }
  return lines;
}
