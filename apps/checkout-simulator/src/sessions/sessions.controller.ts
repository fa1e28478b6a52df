import { Body, Controller, Get, Headers, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CallerResolver } from '../auth/caller.js';
import { requestIdOf } from '../http/request-id.js';
import { SessionsService, type Rendered } from './sessions.service.js';

/** Checkout's standalone Sessions API: the same paths, status codes and headers. */
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly callers: CallerResolver,
  ) {}

  @Post()
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: unknown) {
    const caller = await this.callers.resolve(request.headers.authorization);
    send(request, reply, this.sessions.create(caller, body));
  }

  @Get(':id')
  async get(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Headers('channel') channel: string | undefined,
  ) {
    const caller = await this.callers.resolve(request.headers.authorization);
    send(request, reply, this.sessions.get(caller, id, channel));
  }

  @Put(':id/collect-data')
  async collectData(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const caller = await this.callers.resolve(request.headers.authorization);
    send(request, reply, this.sessions.collectData(caller, id, body));
  }

  @Put(':id/issuer-fingerprint')
  async issuerFingerprint(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const caller = await this.callers.resolve(request.headers.authorization);
    send(request, reply, this.sessions.issuerFingerprint(caller, id, body));
  }

  @Post(':id/complete')
  async complete(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
  ) {
    const caller = await this.callers.resolve(request.headers.authorization);
    send(request, reply, await this.sessions.complete(caller, id));
  }
}

function send(request: FastifyRequest, reply: FastifyReply, rendered: Rendered): void {
  void reply
    .status(rendered.status)
    .header('cko-request-id', requestIdOf(request))
    .header('cko-version', '1.0.0')
    .send(rendered.body);
}
