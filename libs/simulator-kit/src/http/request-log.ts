import { Injectable } from '@nestjs/common';

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The route pattern, e.g. `GET /sessions/:id`; what faults are scripted against. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  readonly at: string;
  readonly fault?: string;
  /** What each simulator adds about the caller (its auth, its ids), between route and status. */
  readonly [providerField: string]: unknown;
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
