import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { ApiErrors } from '../../../openapi/api-errors.decorator.js';
import { ReceivedResponseDto } from '../dto/received.response.dto.js';

/** The OpenAPI description of CheckoutCallbackController. */
export const CheckoutCallbackApi = {
  callback: () =>
    applyDecorators(
      ApiOperation({
        summary: "Checkout's `callback_url`: a hint that the session moved (it is re-read)",
      }),
      ApiParam({ name: 'id', description: 'The authentication id (`auth_…`)' }),
      ApiParam({ name: 'token', description: 'The per-authentication token we gave Checkout' }),
      ApiBody({
        required: false,
        description:
          "Checkout's callback body; only `status` is looked at, as a hint, and nothing in it " +
          'is refused once the token holds',
        schema: { type: 'object', additionalProperties: true },
      }),
      ApiOkResponse({ type: ReceivedResponseDto }),
      ApiErrors('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CALLBACK_TOKEN_INVALID'),
    ),
};
