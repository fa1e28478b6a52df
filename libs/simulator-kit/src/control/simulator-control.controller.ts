import { Body, Delete, Get, HttpCode, Post, ValidationPipe } from '@nestjs/common';
import { SimulatorClock } from '../clock/simulator-clock.js';
import { RouteFaults } from '../faults/route-faults.js';
import { RequestLog } from '../http/request-log.js';
import { AdvanceClockDto, routeFaultFrom, RouteFaultDto } from './control.dto.js';

export const controlValidation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
});

/** What the control API needs of a simulator's outgoing webhooks. */
export interface WebhookAttemptLog {
  readonly log: readonly unknown[];
  reset(): void;
}

/**
 * The control API's routes every simulator has (docs/simulator.md#control-api): route faults,
 * time, the request and webhook logs, counters and reset. A simulator's controller extends it
 * under `@Controller('_sim')` with its guard, its delivery faults and its own routes.
 */
export abstract class SimulatorControlController {
  constructor(
    protected readonly routeFaults: RouteFaults,
    protected readonly deliveryFaults: { clear(): void },
    protected readonly clock: SimulatorClock,
    protected readonly log: RequestLog,
    protected readonly webhooks: WebhookAttemptLog,
  ) {}

  /** The simulator's own counters, listed before `webhook_attempts`. */
  protected abstract providerCounters(): Record<string, number>;

  /** Forgets the simulator's own state (sessions, tokens, settings …) on reset. */
  protected abstract resetProvider(): void;

  @Post('faults')
  @HttpCode(201)
  addRouteFault(@Body(controlValidation) dto: RouteFaultDto) {
    this.routeFaults.add(routeFaultFrom(dto));
    return { added: dto };
  }

  @Delete('faults')
  @HttpCode(204)
  clearFaults(): void {
    this.routeFaults.clear();
    this.deliveryFaults.clear();
  }

  @Post('clock/advance')
  advanceClock(@Body(controlValidation) dto: AdvanceClockDto) {
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
    return { ...this.providerCounters(), webhook_attempts: this.webhooks.log.length };
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.routeFaults.clear();
    this.deliveryFaults.clear();
    this.clock.reset();
    this.log.clear();
    this.webhooks.reset();
    this.resetProvider();
  }
}
