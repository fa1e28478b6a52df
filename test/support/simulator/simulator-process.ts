import { runBuiltApp, SIMULATOR_BUNDLE, type AppProcess } from '../app-process.js';
import { freePort } from '../free-port.js';
import { SIMULATOR_CLIENT } from './simulator-app.js';

/** The built simulator as an operator runs it, with exactly these variables (and PATH). */
export async function runBuiltSimulator(
  env: Record<string, string> = {},
): Promise<{ app: AppProcess; url: string }> {
  const port = await freePort();
  const app = runBuiltApp(SIMULATOR_BUNDLE, {
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_FORMAT: 'json',
    SIMULATOR_CLIENT_ID: SIMULATOR_CLIENT.id,
    SIMULATOR_CLIENT_SECRET: SIMULATOR_CLIENT.secret,
    ...env,
  });
  return { app, url: `http://127.0.0.1:${port}` };
}
