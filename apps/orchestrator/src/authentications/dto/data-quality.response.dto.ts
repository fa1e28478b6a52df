import { DATA_ELEMENTS } from '@app/domain';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** How much of the data issuers decide on the create carried (docs/data-quality.md). */
@ApiSchema({ name: 'DataQuality' })
export class DataQualityDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 84,
    description: 'The weight of the elements sent over the weight of those the channel has',
  })
  score: number;

  @ApiProperty({
    enum: DATA_ELEMENTS,
    isArray: true,
    example: ['phone', 'account_activity'],
    description: 'Missing or incomplete, heaviest first',
  })
  missing: string[];
}
