import pg from 'pg';
import type { HttpRecorder } from '../../support/http-recorder.js';
import type { Orchestration } from '../../support/orchestration.js';
import { aCreateBody } from '../../support/result-expectations.js';
import { aBrowserChannel } from '../../support/simulator/factories.js';
import { orchestrationWithTeamEndpoint } from '../../support/team-endpoint.js';
import { testDatabaseUrl } from '../../support/test-config.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * The job queue's connection dies in the middle of recording a job's end (PostgreSQL restarting
 * at that instant, an operator ending the session): graphile-worker cannot tell whether the job
 * is done, the job stays locked by its pool, and unhandled that was a crashed process. The pool
 * stops, its jobs are handed back and a new pool runs them (docs/design.md#database-outages).
 */
describe('job queue connections (e2e)', () => {
  let ctx: Orchestration;
  let endpoint: HttpRecorder;
  orchestrationWithTeamEndpoint((started) => ({ ctx, endpoint } = started));

  const completeOne = async () => {
    const created = await ctx.client
      .create(aCreateBody('4485040371536584', { channel_data: aBrowserChannel() }))
      .expect(201);
    return created.body as { id: string };
  };
  const deliveryJobs = () =>
    ctx.sql<{ id: string; locked_by: string | null }>(
      `SELECT id::text, locked_by FROM graphile_worker.jobs
       WHERE task_identifier = 'deliver_team_event'`,
    );

  it('replaces the pool whose connection died while it completed a job, and ends that job once', async () => {
    await ctx
      .api('post', '/v1/webhook-endpoints')
      .send({ url: endpoint.to('/events') })
      .expect(201);
    // A slow endpoint holds the delivery, so the test can stand in the way of its completion.
    endpoint.answerAfterMs = 1_000;
    await completeOne();
    await waitUntil(() => Promise.resolve(endpoint.heldBack === 1 ? true : undefined));
    const [job] = await deliveryJobs();
    expect(job.locked_by).toEqual(expect.any(String));

    // Our lock on the job's row holds its completion (a DELETE) until we end that connection.
    const blocker = new pg.Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM graphile_worker._private_jobs WHERE id = $1 FOR UPDATE', [
      job.id,
    ]);
    const completing = await waitUntil(async () => {
      const [waiting] = await ctx.sql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = 'orchestrator-jobs' AND wait_event_type = 'Lock'`,
      );
      return waiting?.pid;
    });
    await ctx.sql('SELECT pg_terminate_backend($1)', [completing]);
    await blocker.query('ROLLBACK');
    await blocker.end();

    // Handed back, run again by the new pool (it finds the event delivered) and completed.
    await waitUntil(async () => ((await deliveryJobs()).length === 0 ? true : undefined), {
      timeoutMs: 20_000,
      describe: async () => JSON.stringify(await deliveryJobs()),
    });
    const pools = await ctx.sql<{ pool_id: string }>('SELECT pool_id FROM job_workers');
    expect(pools.map((pool) => pool.pool_id)).not.toContain(job.locked_by);
    expect(endpoint.received('/events')).toHaveLength(1);
    const [delivery] = await ctx.sql<{ state: string; attempts: number }>(
      'SELECT state, attempts FROM event_deliveries',
    );
    expect(delivery).toEqual({ state: 'delivered', attempts: 1 });

    // The new pool takes new work.
    endpoint.answerAfterMs = 0;
    await completeOne();
    await endpoint.waitFor('/events', 2);
  });
});
