import { DomainError } from './errors.js';

/**
 * None of the providers a team's routing chose for a create can serve it (docs/routing.md):
 * refused before anything is recorded. `unmet`: each provider's unmet needs.
 */
export class NoProviderCanServeError extends DomainError {
  readonly code = 'NO_PROVIDER_CAN_SERVE';

  constructor(unmet: Readonly<Record<string, readonly string[]>>) {
    super('No provider this create may be routed to can serve it; details name what each lacks', {
      unmet_needs: unmet,
    });
  }
}
