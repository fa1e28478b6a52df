import { Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CheckoutWebhooksService } from './checkout-webhooks.service.js';

/** Checkout's signed workflow webhooks (`authentication_*`): verified, stored, answered fast. */
@Controller('webhooks/checkout')
export class CheckoutWebhooksController {
  constructor(private readonly webhooks: CheckoutWebhooksService) {}

  @Post()
  @HttpCode(200)
  async receive(@Req() request: RawBodyRequest<FastifyRequest>) {
    await this.webhooks.receive({
      rawBody: request.rawBody ?? Buffer.alloc(0),
      body: request.body,
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
