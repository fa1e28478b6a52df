import {
  controlValidation,
  deliveryFaultFrom,
  RequestLog,
  RouteFaults,
  SimulatorClock,
  SimulatorControlController,
} from '@app/simulator-kit';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AuthenticationStore } from '../authentications/authentication.store.js';
import { AdyenError } from '../http/adyen-error.js';
import { IdempotencyStore } from '../http/idempotency.interceptor.js';
import { DeliveryFaults } from '../webhooks/delivery-faults.js';
import { WebhookSender } from '../webhooks/webhook.sender.js';
import { ControlApiGuard } from './control-api.guard.js';
import { DeliveryFaultDto } from './control.dto.js';

/**
 * Test-only control of the simulator, in the Checkout simulator's shape (docs/simulator.md#control-api):
 * the kit's faults, time, logs, counters and reset, plus Adyen's webhooks and authentications.
 */
@Controller('_sim')
@UseGuards(ControlApiGuard)
export class ControlController extends SimulatorControlController {
  constructor(
    routeFaults: RouteFaults,
    protected override readonly deliveryFaults: DeliveryFaults,
    clock: SimulatorClock,
    log: RequestLog,
    webhooks: WebhookSender,
    private readonly store: AuthenticationStore,
    private readonly idempotency: IdempotencyStore,
  ) {
    super(routeFaults, deliveryFaults, clock, log, webhooks);
  }

  @Post('deliveries')
  @HttpCode(201)
  addDeliveryFault(@Body(controlValidation) dto: DeliveryFaultDto) {
    this.deliveryFaults.add(deliveryFaultFrom(dto));
    return { added: dto };
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

  protected providerCounters() {
    return {
      authentications_created: this.store.all().length,
      idempotent_replays: this.idempotency.replays,
    };
  }

  protected resetProvider(): void {
    this.store.clear();
    this.idempotency.reset();
  }
}
