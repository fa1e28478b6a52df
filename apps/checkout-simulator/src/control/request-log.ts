import { Injectable } from '@nestjs/common';

export type AuthKind = 'bearer' | 'session_secret' | 'basic' | 'none' | 'other';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The route pattern, e.g. `GET /sessions/:id`; what faults are scripted against. */
  readonly route: string;
  readonly sessionId?: string;
  readonly auth: AuthKind;
  /** The caller's X-Request-Id, if it sent one (the orchestrator does, to join the logs). */
  readonly callerRequestId?: string;
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

  count(route: string): number {
    return this.entries.filter((entry) => entry.route === route).length;
  }

  clear(): void {
    this.entries = [];
  }
}

export function authKindOf(authorization: string | undefined): AuthKind {
  if (!authorization) return 'none';
  if (/^Bearer\s/i.test(authorization)) return 'bearer';
  if (/^Basic\s/i.test(authorization)) return 'basic';
  if (authorization.startsWith('sek_')) return 'session_secret';
  return 'other';
}
