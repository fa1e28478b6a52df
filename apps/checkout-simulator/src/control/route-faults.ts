import { Injectable } from '@nestjs/common';

export const FAULT_KINDS = ['latency', 'status', 'timeout', 'reset', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface RouteFault {
  /** Route pattern such as `POST /sessions` or `GET /sessions/:id`; `*` matches every route. */
  readonly route: string;
  readonly kind: FaultKind;
  readonly sessionId?: string;
  readonly latencyMs: number;
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** Requests left to affect; undefined = until cleared. */
  remaining?: number;
}

/** Scripted faults on incoming requests, set through the control API. */
@Injectable()
export class RouteFaults {
  private faults: RouteFault[] = [];

  add(fault: RouteFault): void {
    this.faults.push(fault);
  }

  /** The first fault matching this request, consuming one use of it. */
  take(route: string, sessionId: string | undefined): RouteFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.route === '*' || candidate.route === route) &&
        (candidate.sessionId === undefined || candidate.sessionId === sessionId),
    );
    if (fault?.remaining !== undefined && --fault.remaining <= 0) {
      this.faults = this.faults.filter((candidate) => candidate !== fault);
    }
    return fault;
  }

  clear(): void {
    this.faults = [];
  }
}
