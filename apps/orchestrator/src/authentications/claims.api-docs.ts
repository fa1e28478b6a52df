import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
} from '@nestjs/swagger';
import { ApiErrors, BODY_ERRORS } from '../openapi/api-errors.decorator.js';
import { ID_PARAM } from './authentications.api-docs.js';
import { ClaimRequestDto, ReleaseClaimRequestDto } from './dto/claim.request.dto.js';
import {
  ClaimListResponseDto,
  ClaimResponseDto,
  ClaimWithResultResponseDto,
} from './dto/claim.response.dto.js';
import { RESULT_MODELS } from './dto/result.response.dto.js';

/** The OpenAPI description of each route of ClaimsController (docs/claims.md). */
export const ClaimsApi = {
  claim: () =>
    applyDecorators(
      ApiOperation({
        summary: 'Claim the result for one payment; answers the result in its format',
        description:
          'One payment at a time may hold a result. The same `payment_reference` with the same ' +
          'content gets the same claim again (200); another payment gets 409 ' +
          '`RESULT_ALREADY_CLAIMED` until the claim is released.',
      }),
      ID_PARAM,
      ApiBody({ type: ClaimRequestDto }),
      ApiExtraModels(...RESULT_MODELS),
      ApiCreatedResponse({ type: ClaimWithResultResponseDto, description: 'A new claim' }),
      ApiOkResponse({
        type: ClaimWithResultResponseDto,
        description: "The same payment's claim, asked again",
      }),
      ApiErrors(
        'UNAUTHENTICATED',
        ...BODY_ERRORS,
        'AUTHENTICATION_NOT_FOUND',
        'RESULT_NOT_READY',
        'RESULT_ALREADY_CLAIMED',
        'RESULT_STEPPED_UP',
        'CONCURRENT_UPDATE',
        'RESULT_EXPIRED',
        'RESULT_NOT_CLAIMABLE',
        'RESULT_NOT_AUTHORIZABLE',
        'CLAIM_EXCEEDS_AUTHENTICATION',
        'PAYMENT_REFERENCE_REUSED',
      ),
    ),
  release: () =>
    applyDecorators(
      ApiOperation({
        summary: 'Give the result back: the authorization did not happen',
        description: 'Releasing a released claim answers it as it is.',
      }),
      ID_PARAM,
      ApiParam({ name: 'claim', description: 'The claim id (`clm_…`)' }),
      ApiBody({ type: ReleaseClaimRequestDto }),
      ApiOkResponse({ type: ClaimResponseDto }),
      ApiErrors('UNAUTHENTICATED', ...BODY_ERRORS, 'AUTHENTICATION_NOT_FOUND', 'CLAIM_NOT_FOUND'),
    ),
  list: () =>
    applyDecorators(
      ApiOperation({ summary: "The result's claims, oldest first" }),
      ID_PARAM,
      ApiOkResponse({ type: ClaimListResponseDto }),
      ApiErrors('UNAUTHENTICATED', 'AUTHENTICATION_NOT_FOUND'),
    ),
};
