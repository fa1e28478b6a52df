import { Inject, Injectable } from '@nestjs/common';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';

/**
 * The delay between the cardholder's answer on the ACS page and the RReq making the session
 * final: SIMULATOR_RREQ_DELAY_MS, changeable through the control API.
 */
@Injectable()
export class RreqTiming {
  private current: number;

  constructor(@Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig) {
    this.current = config.rreqDelayMs;
  }

  get delayMs(): number {
    return this.current;
  }

  set(delayMs: number): void {
    this.current = delayMs;
  }

  reset(): void {
    this.current = this.config.rreqDelayMs;
  }
}
