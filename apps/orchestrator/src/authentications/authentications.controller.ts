import { InvalidRequestError, RESULT_FORMATS, type ResultFormat } from '@app/domain';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type TeamRequest } from '../http/api-key.guard.js';
import { AuthenticationQueries } from './authentication-queries.service.js';
import { AuthenticationSteps } from './authentication-steps.service.js';
import { AuthenticationsApi } from './authentications.api-docs.js';
import { AuthenticationsService } from './authentications.service.js';
import { ChannelEnabledGuard } from './channel-enabled.guard.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import type { IdempotentRequest } from './idempotency/idempotency-key.js';
import { ProcessingChannelGuard } from './processing-channel.guard.js';
import {
  CHANNEL_DATA_DISCRIMINATOR,
  IssuerFingerprintRequestDto,
  SubmitChannelDataRequestDto,
} from './dto/channel-data.request.dto.js';
import { SOURCE_DISCRIMINATOR } from './dto/source.request.dto.js';
import { AppChallengeResultRequestDto } from './dto/app-challenge-result.request.dto.js';
import { CreateAuthenticationRequestDto } from './dto/create-authentication.request.dto.js';
import { ListAuthenticationsQueryDto } from './dto/list-authentications.query.dto.js';
import { StepUpRequestDto } from './dto/step-up.request.dto.js';
import { IdPipe } from '../http/id.pipe.js';

/** The internal REST API for payment teams' backends. */
@Controller('v1/authentications')
@UseGuards(ApiKeyGuard)
@ApiTags('authentications')
@ApiBearerAuth('api-key')
@ApiExtraModels(
  ...SOURCE_DISCRIMINATOR.subTypes.map((subType) => subType.value),
  ...CHANNEL_DATA_DISCRIMINATOR.subTypes.map((subType) => subType.value),
)
export class AuthenticationsController {
  constructor(
    private readonly authentications: AuthenticationsService,
    private readonly queries: AuthenticationQueries,
    private readonly steps: AuthenticationSteps,
  ) {}

  @Post()
  @UseGuards(ChannelEnabledGuard, ProcessingChannelGuard)
  @UseInterceptors(IdempotencyInterceptor)
  @AuthenticationsApi.create()
  create(@Req() request: IdempotentRequest, @Body() body: CreateAuthenticationRequestDto) {
    return this.authentications.create(request.team!, body, request.idempotencyClaim!);
  }

  @Post(':id/step-up')
  @UseGuards(ChannelEnabledGuard, ProcessingChannelGuard)
  @UseInterceptors(IdempotencyInterceptor)
  @AuthenticationsApi.stepUp()
  stepUp(
    @Req() request: IdempotentRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: StepUpRequestDto,
  ) {
    return this.authentications.stepUp(request.team!, id, body, request.idempotencyClaim!);
  }

  @Get()
  @AuthenticationsApi.list()
  list(@Req() request: TeamRequest, @Query() query: ListAuthenticationsQueryDto) {
    return this.queries.list(request.team!, query);
  }

  @Get(':id')
  @AuthenticationsApi.get()
  get(@Req() request: TeamRequest, @Param('id', new IdPipe('auth')) id: string) {
    return this.queries.get(request.team!, id);
  }

  @Post(':id/issuer-fingerprint')
  @HttpCode(200)
  @AuthenticationsApi.issuerFingerprint()
  issuerFingerprint(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: IssuerFingerprintRequestDto,
  ) {
    return this.steps.reportIssuerFingerprint(request.team!, id, body.completion);
  }

  @Post(':id/channel-data')
  @HttpCode(200)
  @AuthenticationsApi.channelData()
  channelData(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: SubmitChannelDataRequestDto,
  ) {
    return this.steps.submitChannelData(request.team!, id, body.channel_data);
  }

  @Post(':id/app-challenge-result')
  @HttpCode(200)
  @AuthenticationsApi.appChallengeResult()
  appChallengeResult(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Body() body: AppChallengeResultRequestDto,
  ) {
    return this.steps.reportAppChallengeResult(request.team!, id, body);
  }

  @Get(':id/result')
  @AuthenticationsApi.result()
  result(
    @Req() request: TeamRequest,
    @Param('id', new IdPipe('auth')) id: string,
    @Query('format') format: string | undefined,
  ) {
    const chosen = format ?? 'generic';
    if (!(RESULT_FORMATS as readonly string[]).includes(chosen)) {
      throw new InvalidRequestError('format', `must be one of: ${RESULT_FORMATS.join(', ')}`);
    }
    return this.queries.result(request.team!, id, chosen as ResultFormat);
  }

  @Get(':id/events')
  @AuthenticationsApi.events()
  events(@Req() request: TeamRequest, @Param('id', new IdPipe('auth')) id: string) {
    return this.queries.events(request.team!, id);
  }
}
