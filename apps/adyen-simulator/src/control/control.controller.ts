import { SimulatorClock, RouteFaults, RequestLog } from '@app/simulator-kit';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import { AuthenticationStore } from '../authentications/authentication.store.js';
import { AdyenError } from '../http/adyen-error.js';
import { IdempotencyStore } from '../http/idempotency.interceptor.js';
import { DeliveryFaults } from '../webhooks/delivery-faults.js';
import { WebhookSender } from '../webhooks/webhook.sender.js';
import { ControlApiGuard } from './control-api.guard.js';
import { AdvanceClockDto, DeliveryFaultDto, RouteFaultDto } from './control.dto.js';

const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
});

/**
 * Test-only control of the simulator, in the Checkout simulator's shape (docs/simulator.md#control-api):
 * faults, time, logs, counters, reset.
 */
@Controller('_sim')
@UseGuards(ControlApiGuard)
export class ControlController {
  constructor(
    private readonly routeFaults: RouteFaults,
    private readonly deliveryFaults: DeliveryFaults,
    private readonly clock: SimulatorClock,
    private readonly log: RequestLog,
    private readonly webhooks: WebhookSender,
    private readonly store: AuthenticationStore,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @Post('faults')
  @HttpCode(201)
  addRouteFault(@Body(validation) dto: RouteFaultDto) {
    this.routeFaults.add({
      route: dto.route,
      kind: dto.kind,
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
      authentications_created: this.store.all().length,
      idempotent_replays: this.idempotency.replays,
      webhook_attempts: this.webhooks.log.length,
    };
  }

  /** The simulator's view of one authentication, by pspReference or threeDSServerTransID. */
  @Get('authentications/:id')
  authentication(@Param('id') id: string) {
    const found = this.store.find(
      (one) => one.pspReference === id || one.threeDSServerTransID === id,
    );
    if (!found) throw AdyenError.notFound();
    return found;
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.routeFaults.clear();
    this.deliveryFaults.clear();
    this.clock.reset();
    this.log.clear();
    this.webhooks.reset();
    this.store.clear();
    this.idempotency.reset();
  }
}
