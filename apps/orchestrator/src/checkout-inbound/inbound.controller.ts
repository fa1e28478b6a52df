import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import { InboundService } from './inbound.service.js';
import { IdPipe } from '../http/id.pipe.js';

type Form = Record<string, unknown> | undefined;

/** Where the browser lands inside the issuer's iframe: a small page that tells the parent. */
const finishedPage = (message: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>3-D Secure</title></head><body>` +
  `<p id="status">${message}</p><script>window.parent !== window && window.parent.postMessage({ threeDs: '${message}' }, '*');</script>` +
  `</body></html>`;

/** Checkout's callback_url and the browser notification URLs (3DS Method, challenge). */
@Controller()
export class InboundController {
  constructor(private readonly inbound: InboundService) {}

  @Post('callbacks/checkout/:id/:token')
  @HttpCode(200)
  async callback(@Param('id') id: string, @Param('token') token: string, @Body() body: unknown) {
    await this.inbound.callback(id, token, body);
    return { received: true };
  }

  @Post('notifications/3ds-method/:id')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async methodNotification(@Param('id', new IdPipe('auth')) id: string, @Body() form: Form) {
    await this.inbound.methodNotification(id, form?.threeDSMethodData);
    return finishedPage('method-complete');
  }

  @Post('notifications/challenge/:id')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  async challengeNotification(@Param('id', new IdPipe('auth')) id: string) {
    await this.inbound.challengeNotification(id);
    return finishedPage('challenge-complete');
  }
}
