import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { FAULT_KINDS, type FaultKind, type RouteFault } from '../faults/route-faults.js';
import type { Scripted } from '../faults/scripted-faults.js';

export class RouteFaultDto {
  /** A route pattern such as `POST /sessions` or `POST /v71/payments`, or `*`. */
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

/** What every simulator's delivery fault takes besides its channel and mode. */
export abstract class DeliveryFaultScopeDto {
  /** Only deliveries about this session (Checkout's session id, Adyen's pspReference). */
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

export function routeFaultFrom(dto: RouteFaultDto): RouteFault {
  return {
    route: dto.route,
    kind: dto.kind,
    latencyMs: dto.latency_ms ?? 0,
    status: dto.status ?? (dto.kind === 'malformed' ? 200 : 503),
    retryAfterSeconds: dto.retry_after,
    remaining: dto.times,
  };
}

export function deliveryFaultFrom<Channel, Mode>(
  dto: DeliveryFaultScopeDto & { channel: Channel; mode: Mode },
): Scripted & { channel: Channel; mode: Mode; delayMs: number } {
  return {
    channel: dto.channel,
    mode: dto.mode,
    sessionId: dto.session_id,
    delayMs: dto.delay_ms ?? 1_000,
    remaining: dto.times,
  };
}
