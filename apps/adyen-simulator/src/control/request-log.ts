import { Injectable } from '@nestjs/common';

export type AuthKind = 'api_key' | 'basic' | 'none';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The route pattern, e.g. `POST /v71/payments`; what faults are scripted against. */
  readonly route: string;
  readonly auth: AuthKind;
  readonly idempotencyKey?: string;
  readonly status: number;
  readonly durationMs: number;
  readonly at: string;
  readonly fault?: string;
}

/** Every request the simulator answered (or dropped), for tests to assert on. */
@Injectable()
export class RequestLog {
  private entries: LoggedRequest[] = [];

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > 10_000) this.entries.shift();
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

export function authKindOf(headers: Record<string, unknown>): AuthKind {
  if (typeof headers['x-api-key'] === 'string') return 'api_key';
  const authorization = headers.authorization;
  return typeof authorization === 'string' && /^Basic\s/i.test(authorization) ? 'basic' : 'none';
}
