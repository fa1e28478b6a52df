import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** Query of GET /v1/analytics/authentications: which authentications, by creation time. */
export class AnalyticsWindowQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-01T00:00:00Z',
    description:
      'Authentications created from this time on (inclusive); default 24 hours before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-02T00:00:00Z',
    description:
      'Authentications created before this time; default now. At most 31 days after `from`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
