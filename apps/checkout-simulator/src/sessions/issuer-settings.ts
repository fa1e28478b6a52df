import { Inject, Injectable } from '@nestjs/common';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';

export interface IssuerModelSettings {
  /** The data-driven model challenges frictionless-Y cards more often on poorer requests. */
  readonly dataDrivenChallenges: boolean;
  /** Seed of its draws: the same seed and request always get the same decision. */
  readonly riskSeed: string;
}

/**
 * The issuer model's settings: SIMULATOR_DATA_DRIVEN_CHALLENGES and SIMULATOR_RISK_SEED,
 * changeable through the control API until the next reset.
 */
@Injectable()
export class IssuerSettings {
  private current: IssuerModelSettings;

  constructor(@Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig) {
    this.current = config.issuer;
  }

  get values(): IssuerModelSettings {
    return this.current;
  }

  set(changes: Partial<IssuerModelSettings>): void {
    this.current = { ...this.current, ...changes };
  }

  reset(): void {
    this.current = this.config.issuer;
  }
}
