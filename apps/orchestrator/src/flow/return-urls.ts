import type { ProviderReturnUrls } from '@app/domain';
import { Inject, Injectable } from '@nestjs/common';
import { securityConfig, type SecurityConfig } from '../config/security.config.js';

/** Our two hosted return pages, as the provider's hosted page's success and failure URLs. */
export const HOSTED_RETURN_PAGES = ['success', 'failure'] as const;
export type HostedReturnPage = (typeof HOSTED_RETURN_PAGES)[number];

/** The paths the cardholder's browser comes back to (served by browser-returns/). */
export const BROWSER_RETURN_ROUTES = {
  methodNotification: 'notifications/3ds-method/:id',
  challengeNotification: 'notifications/challenge/:id',
  hostedReturn: 'hosted/:id/:token/:page',
} as const;

/** The path a provider posts its callback to (served by that provider's adapter). */
export const callbackRoute = (provider: string): string => `callbacks/${provider}/:id/:token`;

const withParams = (route: string, params: Record<string, string>): string =>
  route.replace(/:(\w+)/g, (_, name: string) => params[name]);

/**
 * Our URLs a provider reports to, each naming the authentication; those a stranger could abuse
 * also carry its per-authentication token (hashed in the row, never stored in clear).
 */
@Injectable()
export class ReturnUrls {
  constructor(@Inject(securityConfig.KEY) private readonly config: SecurityConfig) {}

  methodNotification(id: string): string {
    return `${this.config.browserBaseUrl}/${withParams(BROWSER_RETURN_ROUTES.methodNotification, { id })}`;
  }

  /** `provider`: the one the session is opened at, whose adapter serves its callback route. */
  forSession(id: string, token: string, provider: string): ProviderReturnUrls {
    const browser = (route: string, params: Record<string, string>) =>
      `${this.config.browserBaseUrl}/${withParams(route, { id, token, ...params })}`;
    return {
      callback: `${this.config.callbackBaseUrl}/${withParams(callbackRoute(provider), { id, token })}`,
      challengeNotification: browser(BROWSER_RETURN_ROUTES.challengeNotification, {}),
      hostedSuccess: browser(BROWSER_RETURN_ROUTES.hostedReturn, { page: 'success' }),
      hostedFailure: browser(BROWSER_RETURN_ROUTES.hostedReturn, { page: 'failure' }),
    };
  }
}
