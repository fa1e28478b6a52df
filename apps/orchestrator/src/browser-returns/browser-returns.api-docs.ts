import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
} from '@nestjs/swagger';
import { HOSTED_RETURN_PAGES } from '../flow/return-urls.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';

/** Issuer pages post bodies we read ourselves; only these refusals apply. */
const POSTED_BODY_ERRORS = [
  'MALFORMED_BODY',
  'BODY_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const;

const AUTHENTICATION_ID = ApiParam({ name: 'id', description: 'The authentication id (`auth_…`)' });

/** What the browser gets: a page telling the parent frame that this step is over. */
const NOTIFICATION_PAGE = ApiOkResponse({
  description:
    "An HTML page whose script posts `{threeDs: 'method-complete' | 'challenge-complete'}` to " +
    'the parent window; framable by `FRAME_ANCESTORS` only',
  content: { 'text/html': { schema: { type: 'string' } } },
});

/** The OpenAPI description of each route of BrowserReturnsController. */
export const BrowserReturnsApi = {
  methodNotification: () =>
    applyDecorators(
      ApiOperation({ summary: "The issuer's 3DS Method page posts back here (hidden iframe)" }),
      AUTHENTICATION_ID,
      ApiConsumes('application/x-www-form-urlencoded'),
      ApiBody({
        required: false,
        schema: {
          type: 'object',
          properties: {
            threeDSMethodData: { type: 'string', description: 'Base64url JSON (EMV 3DS)' },
          },
        },
      }),
      ApiProduces('text/html'),
      NOTIFICATION_PAGE,
      ApiErrors(...POSTED_BODY_ERRORS, 'AUTHENTICATION_NOT_FOUND'),
    ),
  challengeNotification: () =>
    applyDecorators(
      ApiOperation({
        summary: "The ACS's challenge result (EMV CRes, or 3DS1 PaRes + MD) posts back here",
      }),
      AUTHENTICATION_ID,
      ApiConsumes('application/x-www-form-urlencoded'),
      ApiBody({
        required: false,
        schema: {
          type: 'object',
          properties: {
            cres: { type: 'string', description: 'EMV 3DS CRes, base64url' },
            PaRes: { type: 'string', description: '3DS1' },
            MD: { type: 'string', description: '3DS1: the merchant data we gave' },
          },
        },
      }),
      ApiProduces('text/html'),
      NOTIFICATION_PAGE,
      ApiErrors(...POSTED_BODY_ERRORS, 'AUTHENTICATION_NOT_FOUND'),
    ),
  hostedReturn: () =>
    applyDecorators(
      ApiOperation({
        summary:
          "Checkout's hosted page sends the cardholder here; we re-read the session and redirect " +
          "to the team's success, failure or cancel page",
      }),
      AUTHENTICATION_ID,
      ApiParam({ name: 'token', description: 'The per-authentication token we gave Checkout' }),
      ApiParam({ name: 'page', enum: HOSTED_RETURN_PAGES, description: 'Which of our URLs' }),
      ApiResponse({
        status: 303,
        description:
          "To the team's page for the outcome, with `authentication_id`, `state` and `outcome` " +
          'in the query (hints; authorize on GET …/result)',
        headers: { Location: { schema: { type: 'string', format: 'uri' } } },
      }),
      ApiErrors('AUTHENTICATION_NOT_FOUND'),
    ),
};
