import { ScriptedFaults, type Scripted } from '@app/simulator-kit';
import { Injectable } from '@nestjs/common';

export const DELIVERY_CHANNELS = ['callback', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_MODES = ['drop', 'duplicate', 'delay', 'reorder'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface DeliveryFault extends Scripted {
  readonly channel: DeliveryChannel;
  readonly mode: DeliveryMode;
  readonly delayMs: number;
}

/** Scripted misbehaviour of outgoing callbacks and webhooks, set through the control API. */
@Injectable()
export class DeliveryFaults extends ScriptedFaults<DeliveryFault> {
  /** The fault that applies to this delivery, consuming one use of it. */
  take(channel: DeliveryChannel, sessionId: string): DeliveryFault | undefined {
    return this.takeFirst((fault) => fault.channel === channel, sessionId);
  }
}
