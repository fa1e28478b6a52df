import { Injectable } from '@nestjs/common';
import type { SimulatedAuthentication } from './simulated-authentication.js';

/** Every authentication, in memory, findable by each id a caller or the ACS holds. */
@Injectable()
export class AuthenticationStore {
  private authentications: SimulatedAuthentication[] = [];

  add(authentication: SimulatedAuthentication): void {
    this.authentications.push(authentication);
  }

  all(): readonly SimulatedAuthentication[] {
    return this.authentications;
  }

  find(
    matches: (authentication: SimulatedAuthentication) => boolean,
  ): SimulatedAuthentication | undefined {
    return this.authentications.find(matches);
  }

  byPspReference(pspReference: string): SimulatedAuthentication | undefined {
    return this.find((one) => one.pspReference === pspReference);
  }

  clear(): void {
    this.authentications = [];
  }
}
