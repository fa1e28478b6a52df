import { FAULT_KINDS, type FaultKind } from '@app/simulator-kit';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import {
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  type DeliveryChannel,
  type DeliveryMode,
} from '../webhooks/delivery-faults.js';

export class RouteFaultDto {
  /** e.g. `POST /v71/payments`, `POST /v71/payments/details`, or `*`. */
  @IsString()
  route: string;

  @IsIn(FAULT_KINDS)
  kind: FaultKind;

  /** latency / late_answer: the delay; timeout: how long to hold before dropping the connection. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120_000)
  latency_ms?: number;

  /** status: the HTTP status to answer (500, 502, 503, 429 …); malformed: status of the bad body. */
  @IsOptional()
  @IsInt()
  @Min(200)
  @Max(599)
  status?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  retry_after?: number;

  /** How many matching requests to affect; omitted = until cleared. */
  @IsOptional()
  @IsInt()
  @Min(1)
  times?: number;
}

export class DeliveryFaultDto {
  @IsIn(DELIVERY_CHANNELS)
  channel: DeliveryChannel;

  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;

  /** Only webhooks about this authentication (its pspReference). */
  @IsOptional()
  @IsString()
  session_id?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  delay_ms?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  times?: number;
}

export class AdvanceClockDto {
  @IsInt()
  @Min(0)
  ms: number;
}
