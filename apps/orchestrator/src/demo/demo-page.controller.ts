import { Controller, Get, Header, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { LoopbackOnlyGuard } from './loopback-only.guard.js';
import { OwnHostGuard } from './own-host.guard.js';
import type { FastifyReply } from 'fastify';
import { readPublicFile, type PublicFile } from '../browser-helper/public-files.js';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';

/**
 * The demo checkout page and its own script and styles. Its policy lets it frame and post
 * forms to any issuer page (ACS and 3DS Method URLs are the issuer's, not known in advance), and
 * lets the merchant pages of FRAME_ANCESTORS frame it.
 */
@ApiExcludeController()
@UseGuards(LoopbackOnlyGuard, OwnHostGuard)
@Controller()
export class DemoPageController {
  private readonly page = readPublicFile('demo/index.html');
  private readonly script = readPublicFile('demo/demo.js');
  private readonly styles = readPublicFile('demo/demo.css');

  constructor(@Inject(securityConfig.KEY) private readonly security: SecurityConfig) {}

  @Get()
  @Header('cache-control', 'no-store')
  index(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply
      // frame-ancestors decides who may frame it; helmet's X-Frame-Options would say "only us".
      .removeHeader('x-frame-options')
      .header('content-security-policy', this.contentSecurityPolicy());
    return send(reply, this.page);
  }

  @Get('demo/demo.js')
  demoScript(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.script);
  }

  @Get('demo/demo.css')
  demoStyles(@Res({ passthrough: true }) reply: FastifyReply): string {
    return send(reply, this.styles);
  }

  private contentSecurityPolicy(): string {
    return [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      'frame-src http: https:',
      'form-action http: https:',
      "base-uri 'none'",
      `frame-ancestors ${this.security.frameAncestors}`,
    ].join('; ');
  }
}

function send(reply: FastifyReply, file: PublicFile): string {
  void reply.header('content-type', file.contentType);
  return file.body;
}
