import request from 'supertest';
import type { App } from 'supertest/types.js';

/**
 * One sample of the orchestrator's /metrics: `series` is the name with its labels exactly as
 * prom-client writes them (`name{team="team-a"}`); 0 when the series was never written.
 */
export async function metricValue(http: App, series: string): Promise<number> {
  const text = (await request(http).get('/metrics').expect(200)).text;
  const line = text.split('\n').find((one) => one.startsWith(`${series} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
