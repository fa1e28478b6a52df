import { DeliveryFaultScopeDto } from '@app/simulator-kit';
import { IsIn } from 'class-validator';
import {
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  type DeliveryChannel,
  type DeliveryMode,
} from '../webhooks/delivery-faults.js';

export class DeliveryFaultDto extends DeliveryFaultScopeDto {
  @IsIn(DELIVERY_CHANNELS)
  channel: DeliveryChannel;

  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;
}
