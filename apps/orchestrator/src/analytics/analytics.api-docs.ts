import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { OutcomeSummaryResponseDto } from './dto/outcome-summary.response.dto.js';
import { OUTCOME_SUMMARY_EXAMPLE } from './dto/outcome-summary.example.js';

/** The OpenAPI description of each route of AnalyticsController. */
export const AnalyticsApi = {
  authentications: () =>
    applyDecorators(
      ApiOperation({
        summary: "The team's outcomes over a window, by scheme, channel and exemption",
        description:
          'Authentications created in the window (default: the last 24 hours; at most 31 days), ' +
          'counted by how they ended: frictionless, challenge, success and abandonment rates with ' +
          'what each was counted from, and the most frequent reasons behind failures. The ' +
          'scheme, flow and exemption are the labels `/metrics` counts with.',
      }),
      ApiOkResponse({
        type: OutcomeSummaryResponseDto,
        examples: { mixed: { summary: 'A day of one team', value: OUTCOME_SUMMARY_EXAMPLE } },
      }),
      ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED'),
    ),
};
