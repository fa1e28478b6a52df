import { backoffDelayMs } from '@app/domain';
import {
  EventDeliveryRepository,
  JobTask,
  TASKS,
  WorkerTask,
  type DeliveryNext,
} from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Failpoints } from '../common/failpoints.js';
import { eventsConfig, type EventsConfig } from '../config/events.config.js';
import { SecretBox } from '../security/secret-box.js';
import { EventSender, type SendResult } from './event-sender.js';

/**
 * A round of redeliveries schedules this far ahead at most; the first success after its last
 * one opens the next round.
 */
const REDELIVERY_ROUND_MS = 10 * 60_000;

/**
 * One attempt to deliver one event to one endpoint. At least once: a crash after the endpoint
 * accepted it sends it again, with the same `webhook-id` for the team to deduplicate on.
 * Failures back off exponentially with jitter; after the last attempt the delivery is dead
 * (visible, and re-sendable through the API) until the endpoint accepts a delivery again, which
 * queues its dead ones again, spaced, unless the team turned that off.
 */
@Injectable()
@WorkerTask('deliveries')
export class DeliverEventTask implements JobTask {
  readonly name = TASKS.deliverTeamEvent;
  private readonly logger = new Logger(DeliverEventTask.name);

  constructor(
    private readonly deliveries: EventDeliveryRepository,
    private readonly sender: EventSender,
    private readonly secrets: SecretBox,
    private readonly failpoints: Failpoints,
    @Inject(eventsConfig.KEY) private readonly config: EventsConfig,
  ) {}

  async run(payload: unknown): Promise<void> {
    const deliveryId = String((payload as { delivery_id?: unknown }).delivery_id);
    const work = await this.deliveries.load(deliveryId);
    if (!work || work.delivery.state !== 'pending') return;
    const { delivery, event, endpoint } = work;
    if (endpoint.disabledAt) {
      const result = { status: null, error: 'endpoint_disabled', durationMs: 0 };
      await this.deliveries.recordAttempt(deliveryId, result, { state: 'dead' });
      return;
    }
    const result = await this.sender.send(
      endpoint.url,
      this.secrets.decrypt(endpoint.secretCiphertext),
      event.id,
      JSON.stringify(event.payload),
    );
    const accepted = result.status !== null && result.status >= 200 && result.status < 300;
    if (accepted) this.failpoints.hit('teamEventSent');
    const next = accepted ? this.delivered() : this.retry(delivery.attempts + 1);
    if (!accepted) {
      this.logger.warn({
        msg: 'team event delivery failed',
        event_id: event.id,
        endpoint_id: endpoint.id,
        status: result.status,
        error: result.error,
        next: next.state,
      });
    }
    const requeued = await this.deliveries.recordAttempt(deliveryId, summary(result), next);
    if (requeued > 0) {
      this.logger.log({ msg: 'dead team events queued again', endpoint_id: endpoint.id, requeued });
    }
  }

  private delivered(): DeliveryNext {
    const spacingMs = this.config.teamDelivery.redeliverySpacingMs;
    const limit = Math.max(1, Math.floor(REDELIVERY_ROUND_MS / spacingMs));
    return { state: 'delivered', redeliverDead: { spacingMs, limit } };
  }

  private retry(attemptsMade: number): DeliveryNext {
    const { maxAttempts, backoff } = this.config.teamDelivery;
    if (attemptsMade >= maxAttempts) return { state: 'dead' };
    const retryInMs = backoffDelayMs(backoff, attemptsMade, Math.random());
    return { state: 'pending', retryInMs };
  }
}

function summary(result: SendResult): SendResult {
  return { ...result, error: result.error?.slice(0, 100) ?? null };
}
