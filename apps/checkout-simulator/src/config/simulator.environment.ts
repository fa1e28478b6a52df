import { HttpServerEnvironment, validateEnvironment } from '@app/common';
import { IsNotEmpty, IsString } from 'class-validator';

/** Every environment variable the Checkout simulator reads. */
export class SimulatorEnvironment extends HttpServerEnvironment {
  override PORT: number = 3001;

  /** The one OAuth client the simulated `/connect/token` accepts. */
  @IsString()
  @IsNotEmpty()
  SIMULATOR_CLIENT_ID: string;

  @IsString()
  @IsNotEmpty()
  SIMULATOR_CLIENT_SECRET: string;
}

export function validateSimulatorEnvironment(raw: Record<string, unknown>): SimulatorEnvironment {
  return validateEnvironment('checkout-simulator', SimulatorEnvironment, raw);
}
