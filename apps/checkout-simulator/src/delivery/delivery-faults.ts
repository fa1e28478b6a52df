import { Injectable } from '@nestjs/common';

export const DELIVERY_CHANNELS = ['callback', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_MODES = ['drop', 'duplicate', 'delay', 'reorder'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface DeliveryFault {
  readonly channel: DeliveryChannel;
  readonly mode: DeliveryMode;
  readonly delayMs: number;
  /** Only deliveries about this session; undefined = all. */
  readonly sessionId?: string;
  /** Deliveries left to affect; undefined = until cleared. */
  remaining?: number;
}

/** Scripted misbehaviour of outgoing callbacks and webhooks, set through the control API. */
@Injectable()
export class DeliveryFaults {
  private faults: DeliveryFault[] = [];

  add(fault: DeliveryFault): void {
    this.faults.push(fault);
  }

  /** The fault that applies to this delivery, consuming one use of it. */
  take(channel: DeliveryChannel, sessionId: string): DeliveryFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.channel === channel &&
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
