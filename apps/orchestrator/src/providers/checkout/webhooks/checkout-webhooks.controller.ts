import { Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ReceivedResponseDto } from '../dto/received.response.dto.js';
import { ApiErrors } from '../../../openapi/api-errors.decorator.js';
import { CheckoutWebhooksService } from './checkout-webhooks.service.js';

/**
 * Checkout's signed workflow webhooks (`authentication_*`): verified first, then read, stored and
 * answered fast; the body is never parsed or screened before the signature holds.
 */
@Controller('webhooks/checkout')
@ApiTags('checkout')
export class CheckoutWebhooksController {
  constructor(private readonly webhooks: CheckoutWebhooksService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Checkout's `authentication_*` workflow webhooks (signed)" })
  @ApiHeader({ name: 'Cko-Signature', required: false, description: 'HMAC-SHA256 of the body' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({
    type: ReceivedResponseDto,
    description: 'Every validly signed webhook: also one we do not act on, or cannot parse',
  })
  @ApiErrors('PAYLOAD_TOO_LARGE', 'WEBHOOK_SIGNATURE_INVALID')
  async receive(@Req() request: RawBodyRequest<FastifyRequest>) {
    await this.webhooks.receive({
      rawBody: request.rawBody ?? Buffer.alloc(0),
      signature: header(request, 'cko-signature'),
      authorization: header(request, 'authorization'),
    });
    return { received: true };
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
