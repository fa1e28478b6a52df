import { FAULT_KINDS, type FaultKind } from '@app/simulator-kit';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  type DeliveryChannel,
  type DeliveryMode,
} from '../delivery/delivery-faults.js';

export class RouteFaultDto {
  /** e.g. `POST /sessions`, `GET /sessions/:id`, `POST /connect/token`, or `*`. */
  @IsString()
  route: string;

  @IsIn(FAULT_KINDS)
  kind: FaultKind;

  @IsOptional()
  @IsString()
  session_id?: string;

  /** latency: added delay; timeout: how long to hold before dropping the connection. */
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

export class SettingsDto {
  /** Milliseconds (simulated time) from the challenge answer to the RReq; 0: at once. */
  @IsOptional()
  @IsInt()
  @Min(0)
  rreq_delay_ms?: number;

  /** The issuer model's data-driven challenges (SIMULATOR_DATA_DRIVEN_CHALLENGES). */
  @IsOptional()
  @IsBoolean()
  data_driven_challenges?: boolean;

  /** The seed of its draws (SIMULATOR_RISK_SEED). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  risk_seed?: string;
}
