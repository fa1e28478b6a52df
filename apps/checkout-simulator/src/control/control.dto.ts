import { DeliveryFaultScopeDto, RouteFaultDto } from '@app/simulator-kit';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import {
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  type DeliveryChannel,
  type DeliveryMode,
} from '../delivery/delivery-faults.js';

/** Checkout's route faults can be scoped to one session (`GET /sessions/:id` and below). */
export class SessionRouteFaultDto extends RouteFaultDto {
  @IsOptional()
  @IsString()
  session_id?: string;
}

export class DeliveryFaultDto extends DeliveryFaultScopeDto {
  @IsIn(DELIVERY_CHANNELS)
  channel: DeliveryChannel;

  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;
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
