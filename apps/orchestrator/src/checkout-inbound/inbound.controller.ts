import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  type RawBodyRequest,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { IdPipe } from '../http/id.pipe.js';
import { parseJsonOrUndefined } from '../http/input-screening.js';
import { InboundApi } from './inbound.api-docs.js';
import { InboundService } from './inbound.service.js';
import { notificationPage, type NotificationMessage } from './notification-page.js';

type Form = Record<string, unknown> | undefined;

/**
 * Checkout's callback_url, the browser notification URLs (3DS Method, challenge) and the hosted
 * page's return URLs.
 */
@Controller()
export class InboundController {
  constructor(
    private readonly inbound: InboundService,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  @Post('callbacks/checkout/:id/:token')
  @HttpCode(200)
  @ApiTags('checkout')
  @InboundApi.callback()
  async callback(
    @Param('id') id: string,
    @Param('token') token: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ) {
    // Authenticated by the token in its URL, never refused for its body: read leniently.
    const rawBody = request.rawBody ?? Buffer.alloc(0);
    await this.inbound.callback(id, token, parseJsonOrUndefined(rawBody), rawBody);
    return { received: true };
  }

  @Post('notifications/3ds-method/:id')
  @HttpCode(200)
  @ApiTags('browser')
  @InboundApi.methodNotification()
  async methodNotification(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() form: Form,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.inbound.methodNotification(id, form?.threeDSMethodData);
    return this.page('method-complete', reply);
  }

  @Post('notifications/challenge/:id')
  @HttpCode(200)
  @ApiTags('browser')
  @InboundApi.challengeNotification()
  async challengeNotification(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() form: Form,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.inbound.challengeNotification(id, form ?? {});
    return this.page('challenge-complete', reply);
  }

  @Get('hosted/:id/:token/:page')
  @ApiTags('browser')
  @InboundApi.hostedReturn()
  async hostedReturn(
    @Param('id', new IdPipe('auth')) id: string,
    @Param('token') token: string,
    @Param('page') page: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const location = await this.inbound.hostedReturn(id, token, page);
    // 303: the browser GETs the team's page; the token in our URL never reaches it as a referrer.
    void reply
      .status(303)
      .header('location', location)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer');
    return '';
  }

  private page(message: NotificationMessage, reply: FastifyReply): string {
    const page = notificationPage(message, this.config.frameAncestors);
    // frame-ancestors decides who may frame it; helmet's X-Frame-Options would say "only us".
    void reply
      .removeHeader('x-frame-options')
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', page.contentSecurityPolicy);
    return page.html;
  }
}
