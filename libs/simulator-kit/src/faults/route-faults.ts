import { Injectable } from '@nestjs/common';
import { ScriptedFaults, type Scripted } from './scripted-faults.js';

/** `late_answer`: the request is processed, then the answer waits (a client may give up first). */
export const FAULT_KINDS = [
  'latency',
  'late_answer',
  'status',
  'timeout',
  'reset',
  'malformed',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface RouteFault extends Scripted {
  /** Route pattern such as `POST /sessions` or `POST /v71/payments`; `*` matches every route. */
  readonly route: string;
  readonly kind: FaultKind;
  readonly latencyMs: number;
  readonly status: number;
  readonly retryAfterSeconds?: number;
}

/** Scripted faults on incoming requests, set through the control API. */
@Injectable()
export class RouteFaults extends ScriptedFaults<RouteFault> {
  /** The first fault matching this request, consuming one use of it. */
  take(route: string, sessionId?: string): RouteFault | undefined {
    return this.takeFirst((fault) => fault.route === '*' || fault.route === route, sessionId);
  }
}
