import { BacklogRepository, JOB_STATUSES, TASKS } from '@app/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

const KNOWN_TASKS: readonly string[] = Object.values(TASKS);
const DELIVERY_STATES = ['pending', 'dead'] as const;

/**
 * The job queue and the team events outbox, read from the database when /metrics is scraped
 * (not sampled in between), so every instance reports the shared queue as it is now.
 */
@Injectable()
export class BacklogMetrics {
  private readonly logger = new Logger(BacklogMetrics.name);
  private readonly jobs: Gauge<'task' | 'status'>;
  private readonly oldestDueJob: Gauge<'task'>;
  private readonly deliveries: Gauge<'state'>;
  private readonly oldestPendingDelivery: Gauge;

  constructor(
    registry: Registry,
    private readonly backlog: BacklogRepository,
  ) {
    this.jobs = new Gauge({
      name: 'threeds_jobs',
      help: 'Jobs in the queue by task and status (running, failed, due, scheduled)',
      labelNames: ['task', 'status'],
      registers: [registry],
    });
    this.oldestDueJob = new Gauge({
      name: 'threeds_jobs_oldest_due_seconds',
      help: 'How long the longest-waiting due job of each task has been due',
      labelNames: ['task'],
      registers: [registry],
    });
    this.deliveries = new Gauge({
      name: 'threeds_team_event_deliveries',
      help: 'Team event deliveries still to make (pending) or given up on (dead)',
      labelNames: ['state'],
      registers: [registry],
    });
    this.oldestPendingDelivery = new Gauge({
      name: 'threeds_team_event_oldest_pending_delivery_seconds',
      help: 'Age of the oldest team event delivery still pending',
      registers: [registry],
    });
  }

  /**
   * Reads both backlogs. If the database does not answer, the series are left out of this
   * scrape (rather than showing stale numbers) and the other series are still served.
   */
  async refresh(): Promise<void> {
    try {
      const [jobs, deliveries] = await Promise.all([
        this.backlog.jobs(),
        this.backlog.teamDeliveries(),
      ]);
      this.startFromZero();
      for (const row of jobs) {
        // Task names are ours alone; a stray one is counted, never turned into a new label.
        const task = KNOWN_TASKS.includes(row.task) ? row.task : 'other';
        this.jobs.inc({ task, status: row.status }, row.jobs);
        if (row.status === 'due') this.oldestDueJob.set({ task }, row.oldestDueSeconds);
      }
      for (const row of deliveries) {
        this.deliveries.set({ state: row.state }, row.deliveries);
        if (row.state === 'pending') this.oldestPendingDelivery.set(row.oldestSeconds);
      }
    } catch (error) {
      this.clear();
      this.logger.warn({
        msg: 'backlog metrics unavailable',
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  /**
   * Known series start at zero, so an emptied queue reads 0 rather than disappearing. No await
   * between this and the new values: concurrent scrapes never see a half-filled set.
   */
  private startFromZero(): void {
    this.clear();
    for (const task of KNOWN_TASKS) {
      this.oldestDueJob.set({ task }, 0);
      for (const status of JOB_STATUSES) this.jobs.set({ task, status }, 0);
    }
    for (const state of DELIVERY_STATES) this.deliveries.set({ state }, 0);
    this.oldestPendingDelivery.set(0);
  }

  private clear(): void {
    for (const gauge of [
      this.jobs,
      this.oldestDueJob,
      this.deliveries,
      this.oldestPendingDelivery,
    ]) {
      gauge.reset();
    }
  }
}
