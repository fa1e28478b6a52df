import { OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { BrowserChannelDto } from '../../authentications/dto/channel-data.request.dto.js';
import { DEMO_CARDS } from '../demo-fixtures.js';

export const DEMO_CURRENCIES = ['EUR', 'GBP', 'USD'] as const;
export const RESULT_FORMATS = ['generic', 'checkout', 'stripe', 'adyen'] as const;

/**
 * Body of POST /demo/api/authentications. The page names a card by its place in the test-card
 * table: card numbers are refused in any body but the API's create (CARD_DATA_NOT_ALLOWED).
 */
export class DemoStartRequestDto {
  @IsInt()
  @Min(0)
  @Max(DEMO_CARDS.length - 1)
  card: number;

  @IsInt()
  @Min(0)
  @Max(99_999_999)
  amount: number;

  @IsIn(DEMO_CURRENCIES)
  currency: (typeof DEMO_CURRENCIES)[number];

  @IsIn(['browser', 'app'])
  channel: 'browser' | 'app';
}

/** What the browser helper collects; the backend adds the Accept header and the client address. */
export class DemoBrowserDataDto extends OmitType(BrowserChannelDto, [
  'accept_header',
  'ip_address',
  'three_ds_method_completion',
] as const) {}

export class DemoResultQueryDto {
  @IsIn(RESULT_FORMATS)
  format: (typeof RESULT_FORMATS)[number];
}
