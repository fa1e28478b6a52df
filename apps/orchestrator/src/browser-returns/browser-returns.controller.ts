import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { OutsideInputs } from '../flow/outside-inputs.service.js';
import { BROWSER_RETURN_ROUTES } from '../flow/return-urls.js';
import { IdPipe } from '../http/id.pipe.js';
import { BrowserReturnsApi } from './browser-returns.api-docs.js';
import { hostedReturnLocation } from './hosted-return.js';
import { challengeAnswerOf, methodTransactionId } from './issuer-posts.js';
import { notificationPage, type NotificationMessage } from './notification-page.js';

type Form = Record<string, unknown> | undefined;

/**
 * Where the cardholder's browser comes back to us: the issuer's 3DS Method and challenge pages
 * (EMV notification URLs) and the provider's hosted page. Each post is read into a signal for the
 * flow; the browser gets a page, or is sent on to the team's page.
 */
@Controller()
@ApiTags('browser')
export class BrowserReturnsController {
  constructor(
    private readonly inputs: OutsideInputs,
    @Inject(securityConfig.KEY) private readonly config: SecurityConfig,
  ) {}

  @Post(BROWSER_RETURN_ROUTES.methodNotification)
  @HttpCode(200)
  @BrowserReturnsApi.methodNotification()
  async methodNotification(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() form: Form,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const posted = form?.threeDSMethodData;
    await this.inputs.methodNotified({
      authenticationId: id,
      serverTransactionId: methodTransactionId(posted),
      input: posted,
    });
    return this.page('method-complete', reply);
  }

  @Post(BROWSER_RETURN_ROUTES.challengeNotification)
  @HttpCode(200)
  @BrowserReturnsApi.challengeNotification()
  async challengeNotification(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() form: Form,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const posted = form ?? {};
    await this.inputs.challengeAnswered({
      authenticationId: id,
      answer: challengeAnswerOf(posted),
      input: posted,
    });
    return this.page('challenge-complete', reply);
  }

  @Get(BROWSER_RETURN_ROUTES.hostedReturn)
  @BrowserReturnsApi.hostedReturn()
  async hostedReturn(
    @Param('id', new IdPipe('auth')) id: string,
    @Param('token') token: string,
    @Param('page') page: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const authentication = await this.inputs.hostedReturned({ authenticationId: id, token, page });
    // 303: the browser GETs the team's page; the token in our URL never reaches it as a referrer.
    void reply
      .status(303)
      .header('location', hostedReturnLocation(authentication))
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
