import { type CanActivate, Inject, Injectable } from '@nestjs/common';
import {
  adyenSimulatorConfig,
  type AdyenSimulatorConfig,
} from '../config/adyen-simulator.config.js';
import { AdyenError } from '../http/adyen-error.js';

/** The control API exists only when ADYEN_SIMULATOR_CONTROL_API=true; otherwise it is a 404. */
@Injectable()
export class ControlApiGuard implements CanActivate {
  constructor(@Inject(adyenSimulatorConfig.KEY) private readonly config: AdyenSimulatorConfig) {}

  canActivate(): boolean {
    if (!this.config.controlApi) throw AdyenError.notFound();
    return true;
  }
}
