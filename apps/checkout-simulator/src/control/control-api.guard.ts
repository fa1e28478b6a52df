import { type CanActivate, Inject, Injectable } from '@nestjs/common';
import { simulatorConfig, type SimulatorConfig } from '../config/simulator.config.js';
import { CheckoutError } from '../http/checkout-error.js';

/** The control API exists only when SIMULATOR_CONTROL_API=true; otherwise it is a plain 404. */
@Injectable()
export class ControlApiGuard implements CanActivate {
  constructor(@Inject(simulatorConfig.KEY) private readonly config: SimulatorConfig) {}

  canActivate(): boolean {
    if (!this.config.controlApi) throw new CheckoutError(404, 'not_found', ['resource_not_found']);
    return true;
  }
}
