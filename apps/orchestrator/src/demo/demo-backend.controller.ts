import {
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { LoopbackOnlyGuard } from './loopback-only.guard.js';
import { OwnHostGuard } from './own-host.guard.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';
import { IssuerFingerprintRequestDto } from '../authentications/dto/channel-data.request.dto.js';
import { IdPipe } from '../http/id.pipe.js';
import { DemoBackend, type ApiAnswer } from './demo-backend.service.js';
import { CHALLENGE_PASSWORD, DEMO_CARDS, THREE_DS1_FALLBACK_AMOUNT } from './demo-fixtures.js';
import {
  DemoBrowserDataDto,
  DemoResultQueryDto,
  DemoStartRequestDto,
} from './dto/demo.request.dto.js';

/**
 * The demo's merchant backend, as the page's `backend` callbacks reach it: each route is one
 * call to the orchestrator's API with the demo team's key, answered with the API's own answer.
 */
@ApiExcludeController()
@UseGuards(LoopbackOnlyGuard, OwnHostGuard)
@Controller('demo/api')
export class DemoBackendController {
  constructor(
    private readonly backend: DemoBackend,
    @Inject(securityConfig.KEY) private readonly security: SecurityConfig,
  ) {}

  @Get('config')
  config() {
    return {
      cards: DEMO_CARDS,
      challenge_password: CHALLENGE_PASSWORD,
      three_ds1_fallback_amount: THREE_DS1_FALLBACK_AMOUNT,
      // The notification pages come from BROWSER_BASE_URL, maybe not the page's own origin.
      notification_origin: new URL(this.security.browserBaseUrl).origin,
    };
  }

  @Post('authentications')
  async start(
    @Body() body: DemoStartRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.backend.start(body, request.id));
  }

  @Get('authentications/:id')
  async get(
    @Param('id', new IdPipe('auth')) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.backend.get(id, request.id));
  }

  @Post('authentications/:id/issuer-fingerprint')
  async reportMethod(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: IssuerFingerprintRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.backend.reportMethod(id, body.completion, request.id));
  }

  /**
   * The page's browser fields, plus what only a server sees: the Accept header (of this call;
   * a shop would keep the one of its checkout page's request) and the client address.
   */
  @Post('authentications/:id/channel-data')
  async submitBrowserData(
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: DemoBrowserDataDto,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const channelData = { ...body, accept_header: accept || '*/*', ip_address: request.ip };
    return answer(reply, await this.backend.submitChannelData(id, channelData, request.id));
  }

  @Get('authentications/:id/events')
  async events(
    @Param('id', new IdPipe('auth')) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.backend.events(id, request.id));
  }

  @Get('authentications/:id/result')
  async result(
    @Param('id', new IdPipe('auth')) id: string,
    @Query() query: DemoResultQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answer(reply, await this.backend.result(id, query.format, request.id));
  }
}

function answer(reply: FastifyReply, apiAnswer: ApiAnswer): unknown {
  void reply.status(apiAnswer.status);
  return apiAnswer.body;
}
