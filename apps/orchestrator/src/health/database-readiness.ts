import { databaseFailureReason } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const PING_TIMEOUT_MS = 1_500;

class PingTimeout extends Error {}

/**
 * PostgreSQL answers `SELECT 1` in time, or why not, in the words of `DATABASE_FAILURE_REASONS`
 * (`connection refused`, `timeout`…): an operator learns what is wrong, and the answer never
 * carries the server's message, which can name the host, user or database.
 */
@Injectable()
export class DatabaseReadiness {
  constructor(
    private readonly health: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new PingTimeout()), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return indicator.up();
    } catch (error) {
      const reason =
        error instanceof PingTimeout ? 'timeout' : (databaseFailureReason(error) ?? 'error');
      return indicator.down({ reason });
    } finally {
      clearTimeout(timer);
    }
  }
}
