import { API_KEY_REVOKED_CHANNEL, ApiKeyRepository } from '@app/persistence';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import pg from 'pg';
import { databaseConfig, type DatabaseConfig } from '../config/database.config.js';

/** Bounds what a flood of distinct valid keys could make it hold. */
const MAX_ENTRIES = 10_000;
/** A key looked up once is trusted this long, unless its revocation is heard first. */
const TRUST_MS = 60_000;
const RECONNECT_MS = 1_000;

/**
 * The team of each live API key, kept in memory: a request costs no database round trip once
 * its key was seen. A revocation reaches every instance at once through PostgreSQL NOTIFY (sent
 * by the revoking transaction); while this instance is not listening (start-up, a lost
 * connection), nothing is cached and every request reads the table, so a revoked key is never
 * trusted beyond the moment its notification could be heard.
 */
@Injectable()
export class ApiKeyCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyCache.name);
  private readonly teams = new Map<string, { readonly team: string; readonly until: number }>();
  private listener?: pg.Client;
  private listening = false;
  /** The loss was logged: one line per outage, not one per reconnect attempt. */
  private lossLogged = false;
  private closed = false;
  private reconnect?: NodeJS.Timeout;

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
  ) {}

  async teamOf(hash: string): Promise<string | undefined> {
    const cached = this.teams.get(hash);
    if (cached && this.listening && cached.until > Date.now()) return cached.team;
    const team = await this.keys.teamOf(hash);
    if (team && this.listening) {
      if (this.teams.size >= MAX_ENTRIES) this.teams.clear();
      this.teams.set(hash, { team, until: Date.now() + TRUST_MS });
    }
    return team;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    await this.listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.url });
    this.listener = client;
    client.on('notification', ({ payload }) => {
      if (payload) this.teams.delete(payload);
    });
    client.on('error', (error) => this.lost(client, error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${API_KEY_REVOKED_CHANNEL}`);
      this.listening = true;
      if (this.lossLogged) this.logger.log({ msg: 'API key revocations heard again' });
      this.lossLogged = false;
    } catch (error) {
      this.lost(client, String(error));
    }
  }

  /** Until listening again, revocations could be missed: trust nothing that was cached. */
  private lost(client: pg.Client, reason: string): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = false;
    this.teams.clear();
    client.end().catch(() => undefined);
    if (this.closed) return;
    if (!this.lossLogged) {
      this.logger.warn({
        msg: 'API key revocations not heard: keys are read on every request',
        reason,
      });
      this.lossLogged = true;
    }
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    this.reconnect.unref();
  }
}
