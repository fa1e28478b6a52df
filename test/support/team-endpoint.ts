import { HttpRecorder } from './http-recorder.js';
import { Orchestration } from './orchestration.js';

export interface WithTeamEndpoint {
  readonly ctx: Orchestration;
  /** Where the team's events arrive. */
  readonly endpoint: HttpRecorder;
}

/**
 * A spec's orchestration and a team endpoint: started once, handed to `use`, reset before each
 * test (tables, simulator, the endpoint's record and answers), closed after the last.
 */
export function orchestrationWithTeamEndpoint(
  use: (started: WithTeamEndpoint) => void,
  options: Parameters<typeof Orchestration.start>[0] = {},
): void {
  let started: WithTeamEndpoint | undefined;
  beforeAll(async () => {
    started = { ctx: await Orchestration.start(options), endpoint: await HttpRecorder.start() };
    use(started);
  });
  beforeEach(async () => {
    await started!.ctx.reset();
    started!.endpoint.clear();
  });
  afterAll(async () => {
    await started?.endpoint.close();
    await started?.ctx.close();
  });
}
