import request from 'supertest';
import { startOrchestrator, type OrchestratorUnderTest } from '../support/orchestrator-app.js';

describe('health (e2e)', () => {
  let sut: OrchestratorUnderTest;

  beforeAll(async () => {
    sut = await startOrchestrator();
  });
  afterAll(() => sut.close());

  it('answers live without looking at dependencies', async () => {
    const { body } = await request(sut.http).get('/health/live').expect(200);
    expect(body).toMatchObject({ status: 'ok' });
  });

  it('answers ready with the database up', async () => {
    const { body } = await request(sut.http).get('/health/ready').expect(200);
    expect(body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers ready with 503 once the database is unreachable', async () => {
    const dataSource = (await import('typeorm')).DataSource;
    await sut.app.get(dataSource).destroy();
    const { body } = await request(sut.http).get('/health/ready').expect(503);
    expect(body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    // Why, in a word (a stopped server says `connection refused`, see database-outage), and
    // never the connection string.
    expect(body.error.database.reason).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\//);
  });
});
