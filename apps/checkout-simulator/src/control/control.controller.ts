import {
  controlValidation,
  deliveryFaultFrom,
  RequestLog,
  routeFaultFrom,
  RouteFaults,
  SimulatorClock,
  SimulatorControlController,
} from '@app/simulator-kit';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { CallbackSender } from '../delivery/callback.sender.js';
import { DeliveryFaults } from '../delivery/delivery-faults.js';
import { WebhookSender } from '../delivery/webhook.sender.js';
import { AccessTokenService } from '../oauth/access-token.service.js';
import { IssuerSettings } from '../sessions/issuer-settings.js';
import { RreqTiming } from '../sessions/rreq-timing.js';
import { SessionStore } from '../sessions/session.store.js';
import { ControlApiGuard } from './control-api.guard.js';
import { DeliveryFaultDto, SessionRouteFaultDto, SettingsDto } from './control.dto.js';

/**
 * Test-only control of the simulator: the kit's faults, time, logs, counters and reset, plus
 * Checkout's session-scoped faults, callbacks, tokens, settings and sessions.
 */
@Controller('_sim')
@UseGuards(ControlApiGuard)
export class ControlController extends SimulatorControlController {
  constructor(
    routeFaults: RouteFaults,
    protected override readonly deliveryFaults: DeliveryFaults,
    clock: SimulatorClock,
    log: RequestLog,
    private readonly tokens: AccessTokenService,
    private readonly callbacks: CallbackSender,
    webhooks: WebhookSender,
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly rreqTiming: RreqTiming,
    private readonly issuer: IssuerSettings,
  ) {
    super(routeFaults, deliveryFaults, clock, log, webhooks);
  }

  @Post('faults')
  @HttpCode(201)
  override addRouteFault(@Body(controlValidation) dto: SessionRouteFaultDto) {
    this.routeFaults.add({ ...routeFaultFrom(dto), sessionId: dto.session_id });
    return { added: dto };
  }

  @Post('deliveries')
  @HttpCode(201)
  addDeliveryFault(@Body(controlValidation) dto: DeliveryFaultDto) {
    this.deliveryFaults.add(deliveryFaultFrom(dto));
    return { added: dto };
  }

  /**
   * Simulator settings changeable at run time (SIMULATOR_RREQ_DELAY_MS,
   * SIMULATOR_DATA_DRIVEN_CHALLENGES, SIMULATOR_RISK_SEED) until the next reset.
   */
  @Put('settings')
  settings(@Body(controlValidation) dto: SettingsDto) {
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

  protected providerCounters() {
    return {
      tokens_issued: this.tokens.tokensIssued,
      sessions_created: this.store.all().length,
      callbacks_sent: this.callbacks.callbacksSent,
    };
  }

  protected resetProvider(): void {
    this.tokens.reset();
    this.callbacks.reset();
    this.store.clear();
    this.rreqTiming.reset();
    this.issuer.reset();
  }
}
