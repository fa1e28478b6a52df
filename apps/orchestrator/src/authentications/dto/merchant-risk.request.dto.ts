import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsRFC3339, Matches, MaxLength } from 'class-validator';
import { CurrencyCode } from '../../http/currency-code.js';
import { Omittable } from '../../http/omittable.js';

const DELIVERY_TIMEFRAMES = ['electronic_delivery', 'same_day', 'overnight', 'two_day_or_more'];
const SHIPPING_INDICATORS = [
  'billing_address',
  'another_address_on_file',
  'not_on_file',
  'store_pick_up',
  'digital_goods',
  'travel_and_event_no_shipping',
  'other',
];
const REORDER_ITEMS_INDICATORS = ['first_time_ordered', 'reordered'];
const PRE_ORDER_PURCHASE_INDICATORS = ['merchandise_available', 'future_availability'];

/** `merchant_risk_info` (EMV merchant risk indicator): the purchase, as the merchant sees it. */
@ApiSchema({ name: 'MerchantRiskInfo' })
export class MerchantRiskInfoDto {
  @ApiPropertyOptional({
    format: 'email',
    maxLength: 254,
    description: 'Electronic delivery: where the goods were sent',
  })
  @Omittable()
  @IsEmail()
  @MaxLength(254)
  delivery_email?: string;

  @ApiPropertyOptional({ enum: DELIVERY_TIMEFRAMES })
  @Omittable()
  @IsIn(DELIVERY_TIMEFRAMES)
  delivery_timeframe?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  is_preorder?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  is_reorder?: boolean;

  @ApiPropertyOptional({ enum: SHIPPING_INDICATORS })
  @Omittable()
  @IsIn(SHIPPING_INDICATORS)
  shipping_indicator?: string;

  @ApiPropertyOptional({ enum: REORDER_ITEMS_INDICATORS })
  @Omittable()
  @IsIn(REORDER_ITEMS_INDICATORS)
  reorder_items_indicator?: string;

  @ApiPropertyOptional({ enum: PRE_ORDER_PURCHASE_INDICATORS })
  @Omittable()
  @IsIn(PRE_ORDER_PURCHASE_INDICATORS)
  pre_order_purchase_indicator?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-03-01T00:00:00Z' })
  @Omittable()
  @IsRFC3339()
  pre_order_date?: string;

  @ApiPropertyOptional({
    description: 'Gift or prepaid card purchases: the total in major units, as digits',
    pattern: '^\\d{1,15}$',
    example: '135',
  })
  @Omittable()
  @Matches(/^\d{1,15}$/, { message: 'must be 1–15 digits (major units)' })
  gift_card_amount?: string;

  @ApiPropertyOptional({ description: 'ISO 4217', example: 'EUR' })
  @Omittable()
  @CurrencyCode()
  gift_card_currency?: string;

  @ApiPropertyOptional({ description: 'Two digits', pattern: '^\\d{2}$', example: '02' })
  @Omittable()
  @Matches(/^\d{2}$/, { message: 'must be two digits' })
  gift_card_count?: string;
}
