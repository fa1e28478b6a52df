import { SimulatorClock, RouteFaults, RequestLog } from '@app/simulator-kit';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { CallbackSender } from '../delivery/callback.sender.js';
import { DeliveryFaults } from '../delivery/delivery-faults.js';
import { WebhookSender } from '../delivery/webhook.sender.js';
import { AccessTokenService } from '../oauth/access-token.service.js';
import { IssuerSettings } from '../sessions/issuer-settings.js';
import { RreqTiming } from '../sessions/rreq-timing.js';
import { SessionStore } from '../sessions/session.store.js';
import { ControlApiGuard } from './control-api.guard.js';
import { AdvanceClockDto, DeliveryFaultDto, RouteFaultDto, SettingsDto } from './control.dto.js';

const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
});

/** Test-only control of the simulator: faults, time, logs, counters, reset. */
@Controller('_sim')
@UseGuards(ControlApiGuard)
export class ControlController {
  constructor(
    private readonly routeFaults: RouteFaults,
    private readonly deliveryFaults: DeliveryFaults,
    private readonly clock: SimulatorClock,
    private readonly log: RequestLog,
    private readonly tokens: AccessTokenService,
    private readonly callbacks: CallbackSender,
    private readonly webhooks: WebhookSender,
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly rreqTiming: RreqTiming,
    private readonly issuer: IssuerSettings,
  ) {}

  @Post('faults')
  @HttpCode(201)
  addRouteFault(@Body(validation) dto: RouteFaultDto) {
    this.routeFaults.add({
      route: dto.route,
      kind: dto.kind,
      sessionId: dto.session_id,
      latencyMs: dto.latency_ms ?? 0,
      status: dto.status ?? (dto.kind === 'malformed' ? 200 : 503),
      retryAfterSeconds: dto.retry_after,
      remaining: dto.times,
    });
    return { added: dto };
  }

  @Post('deliveries')
  @HttpCode(201)
  addDeliveryFault(@Body(validation) dto: DeliveryFaultDto) {
    this.deliveryFaults.add({
      channel: dto.channel,
      mode: dto.mode,
      sessionId: dto.session_id,
      delayMs: dto.delay_ms ?? 1_000,
      remaining: dto.times,
    });
    return { added: dto };
  }

  @Delete('faults')
  @HttpCode(204)
  clearFaults(): void {
    this.routeFaults.clear();
    this.deliveryFaults.clear();
  }

  @Post('clock/advance')
  advanceClock(@Body(validation) dto: AdvanceClockDto) {
    this.clock.advance(dto.ms);
    return { now: this.clock.nowDate().toISOString() };
  }

  /**
   * Simulator settings changeable at run time (SIMULATOR_RREQ_DELAY_MS,
   * SIMULATOR_DATA_DRIVEN_CHALLENGES, SIMULATOR_RISK_SEED) until the next reset.
   */
  @Put('settings')
  settings(@Body(validation) dto: SettingsDto) {
    if (dto.rreq_delay_ms !== undefined) this.rreqTiming.set(dto.rreq_delay_ms);
    this.issuer.set({
      ...(dto.data_driven_challenges === undefined
        ? {}
        : { dataDrivenChallenges: dto.data_driven_challenges }),
      ...(dto.risk_seed === undefined ? {} : { riskSeed: dto.risk_seed }),
    });
    const { dataDrivenChallenges, riskSeed } = this.issuer.values;
    return {
      rreq_delay_ms: this.rreqTiming.delayMs,
      data_driven_challenges: dataDrivenChallenges,
      risk_seed: riskSeed,
    };
  }

  @Get('clock')
  now() {
    return { now: this.clock.nowDate().toISOString() };
  }

  @Get('requests')
  requests() {
    return { requests: this.log.list() };
  }

  @Get('webhooks')
  webhookLog() {
    return { attempts: this.webhooks.log };
  }

  @Get('counters')
  counters() {
    return {
      tokens_issued: this.tokens.tokensIssued,
      sessions_created: this.store.all().length,
      callbacks_sent: this.callbacks.callbacksSent,
      webhook_attempts: this.webhooks.log.length,
    };
  }

  @Get('sessions/:id')
  session(@Param('id') id: string) {
    const { secret: _secret, ...session } = this.store.get(id);
    return session;
  }

  @Post('tokens/revoke')
  @HttpCode(204)
  revokeTokens(): void {
    this.tokens.revokeAll();
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.routeFaults.clear();
    this.deliveryFaults.clear();
    this.clock.reset();
    this.log.clear();
    this.tokens.reset();
    this.callbacks.reset();
    this.webhooks.reset();
    this.store.clear();
    this.rreqTiming.reset();
    this.issuer.reset();
  }
}
