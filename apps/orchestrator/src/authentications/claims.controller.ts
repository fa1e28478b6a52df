import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyGuard, type TeamRequest } from '../http/api-key.guard.js';
import { IdPipe } from '../http/id.pipe.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { ClaimRequests } from './claim-requests.service.js';
import { ClaimsApi } from './claims.api-docs.js';
import { ClaimRequestDto, ReleaseClaimRequestDto } from './dto/claim.request.dto.js';

/** Claims on a result: which payment uses it (docs/claims.md). */
@Controller('v1/authentications/:id/claims')
@UseGuards(ApiKeyGuard)
@ApiTags('authentications')
@ApiBearerAuth('api-key')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimRequests,
    private readonly queries: AuthenticationQueries,
  ) {}

  @Post()
  @ClaimsApi.claim()
  async claim(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: ClaimRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.claims.claim(request.team!, id, body);
    reply.status(answer.created ? 201 : 200);
    return answer.body;
  }

  @Get()
  @ClaimsApi.list()
  list(@Req() request: TeamRequest, @Param('id', new IdPipe('auth')) id: string) {
    return this.queries.claimList(request.team!, id);
  }

  @Post(':claim/release')
  @HttpCode(200)
  @ClaimsApi.release()
  release(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Param('claim', new IdPipe('clm')) claimId: string,
    @Body() body: ReleaseClaimRequestDto,
  ) {
    return this.claims.release(request.team!, id, claimId, body.reason);
  }
}
