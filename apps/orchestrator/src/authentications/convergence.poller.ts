import { AuthenticationRepository, type AuthenticationEntity } from '@app/persistence';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { pollerConfig, type PollerConfig } from '../config/poller.config.js';
import { CheckoutSync } from './checkout-sync.service.js';

/** States that still wait for something from outside (browser, Checkout). */
const WAITING_STATES = [
  'awaiting_issuer_fingerprint',
  'awaiting_channel_data',
  'challenge_required',
  'result_ready',
] as const;

/**
 * The third trigger (DESIGN §6): if neither the browser nor Checkout's callback moves an
 * authentication, re-read its session (expiry, abandoned challenge, a result nobody reported) and
 * re-send `complete` for results Checkout has not confirmed. Every step is idempotent, so several
 * instances may poll the same rows.
 */
@Injectable()
export class ConvergencePoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConvergencePoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly repository: AuthenticationRepository,
    private readonly sync: CheckoutSync,
    @Inject(pollerConfig.KEY) private readonly config: PollerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.intervalMs > 0) {
      this.timer = setInterval(() => void this.tick(), this.config.intervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over stale authentications; overlapping ticks are skipped. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.pass().finally(() => (this.running = undefined));
    await this.running;
  }

  private async pass(): Promise<void> {
    const before = new Date(Date.now() - this.config.staleAfterMs);
    const stale = await this.repository.findStale(WAITING_STATES, before, this.config.batchSize);
    for (const authentication of stale) {
      await this.converge(authentication).catch((error: unknown) =>
        this.logger.warn({
          msg: 'poller could not converge',
          id: authentication.id,
          error: String(error),
        }),
      );
    }
  }

  private async converge(authentication: AuthenticationEntity): Promise<void> {
    const refreshed = await this.sync.refresh(authentication, 'poller');
    if (refreshed.state === 'result_ready' && authentication.state === 'result_ready') {
      this.sync.requestCompletion(refreshed);
    }
  }
}
