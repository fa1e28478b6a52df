import { backoffDelayMs } from '@app/domain';
import { isDatabaseUnavailable } from '@app/persistence';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

const BACKOFF = { baseMs: 250, capMs: 2_000 };
/** Beyond this Checkout's session has expired anyway (its lifetime is 15 min): let go. */
const GIVE_UP_AFTER_MS = 15 * 60_000;
/** How long shutdown waits for writes still waiting; their deadlines and webhooks cover them. */
const DRAIN_MS = 5_000;

/**
 * Writes that exist only in this process's memory when the database goes away, such as
 * Checkout's answer to a create (docs/design.md#database-outages): tried again with backoff until
 * the database takes them. The write must be safe to repeat (a move is a compare-and-set).
 * What a process that dies meanwhile held is found by the other triggers (webhooks, deadlines).
 */
@Injectable()
export class OutageRetries implements OnModuleDestroy {
  private readonly logger = new Logger(OutageRetries.name);
  private readonly pending = new Set<Promise<void>>();
  private stopping = false;

  keepTrying(label: string, write: () => Promise<unknown>): void {
    const retrying: Promise<void> = this.retry(label, write).finally(() =>
      this.pending.delete(retrying),
    );
    this.pending.add(retrying);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    await Promise.race([Promise.all(this.pending), timeout]);
  }

  private async retry(label: string, write: () => Promise<unknown>): Promise<void> {
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = 1; !this.stopping && Date.now() < giveUpAt; attempt++) {
      await new Promise((resolve) =>
        setTimeout(resolve, backoffDelayMs(BACKOFF, attempt, Math.random())),
      );
      try {
        await write();
        this.logger.log({ msg: 'kept through a database outage', write: label, attempt });
        return;
      } catch (error) {
        if (isDatabaseUnavailable(error)) continue;
        this.logger.warn({ msg: 'write kept through a database outage failed', write: label });
        return;
      }
    }
    this.logger.warn({ msg: 'write kept through a database outage abandoned', write: label });
  }
}
