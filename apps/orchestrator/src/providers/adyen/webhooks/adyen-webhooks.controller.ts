import { Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '../../../openapi/api-errors.decorator.js';
import { AdyenWebhooksService } from './adyen-webhooks.service.js';

/**
 * Adyen's standard webhooks (`AUTHENTICATION` items): verified first (Basic auth, each item's
 * HMAC), then kept and answered fast; the body is read by the service, never screened before.
 */
@Controller('webhooks/adyen')
@ApiTags('adyen')
export class AdyenWebhooksController {
  constructor(private readonly webhooks: AdyenWebhooksService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Adyen's standard webhooks (`AUTHENTICATION`, HMAC-signed items)" })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Basic auth, when set' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({
    description: '`[accepted]`, as Adyen expects, for every batch whose items all verify',
    content: { 'text/plain': { schema: { type: 'string', example: '[accepted]' } } },
  })
  @ApiErrors('PAYLOAD_TOO_LARGE', 'WEBHOOK_SIGNATURE_INVALID')
  // A string answer goes out as text/plain (Fastify); an error keeps its JSON body.
  async receive(@Req() request: RawBodyRequest<FastifyRequest>): Promise<string> {
    const authorization = request.headers.authorization;
    await this.webhooks.receive({
      rawBody: request.rawBody ?? Buffer.alloc(0),
      authorization: typeof authorization === 'string' ? authorization : undefined,
    });
    return '[accepted]';
  }
}
