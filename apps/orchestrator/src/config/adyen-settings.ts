import type { EnvironmentProblem } from '@app/common';
import type { ProviderChoice, RoutingPolicy } from '@app/domain';
import type { AdyenEnvironment } from './adyen.environment.js';
import { adyenHostOf, type AdyenHost } from './production-hosts.js';

/** Adyen is configured: its adapter may be routed to (docs/adyen-adapter.md#5-configuration). */
export const adyenConfigured = (env: Pick<AdyenEnvironment, 'ADYEN_API_KEY'>): boolean =>
  env.ADYEN_API_KEY !== undefined;

/**
 * What is wrong with the Adyen settings taken together: without ADYEN_API_KEY nothing may send a
 * create to Adyen (THREEDS_PROVIDER, a team's routing policy); with it, the merchant account and
 * the client key every call needs; the webhooks' Basic auth as a pair.
 */
export function adyenSettingProblems(
  env: AdyenEnvironment,
  routingPolicies: ReadonlyMap<string, RoutingPolicy>,
): EnvironmentProblem[] {
  const problems: EnvironmentProblem[] = [];
  if (!adyenConfigured(env)) {
    if (env.THREEDS_PROVIDER === 'adyen') {
      problems.push({ setting: 'ADYEN_API_KEY', reason: 'required: THREEDS_PROVIDER is adyen' });
    }
    const teams = [...routingPolicies]
      .filter(([, policy]) => namesAdyen(policy))
      .map(([team]) => team);
    if (teams.length > 0) {
      problems.push({
        setting: 'ADYEN_API_KEY',
        reason: `required: the routing policy of team ${teams.join(', ')} names adyen`,
      });
    }
  } else {
    if (!env.ADYEN_MERCHANT_ACCOUNT) {
      problems.push({ setting: 'ADYEN_MERCHANT_ACCOUNT', reason: 'required with ADYEN_API_KEY' });
    }
    if (!env.ADYEN_CLIENT_KEY) {
      problems.push({ setting: 'ADYEN_CLIENT_KEY', reason: 'required with ADYEN_API_KEY' });
    }
  }
  if (Boolean(env.ADYEN_WEBHOOK_USERNAME) !== Boolean(env.ADYEN_WEBHOOK_PASSWORD)) {
    problems.push({
      setting: env.ADYEN_WEBHOOK_USERNAME ? 'ADYEN_WEBHOOK_PASSWORD' : 'ADYEN_WEBHOOK_USERNAME',
      reason: 'ADYEN_WEBHOOK_USERNAME and ADYEN_WEBHOOK_PASSWORD go together',
    });
  }
  return problems;
}

const choiceNamesAdyen = (choice: ProviderChoice): boolean =>
  choice.providers.includes('adyen') ||
  (choice.split ?? []).some((share) => share.provider === 'adyen');

const namesAdyen = (policy: RoutingPolicy): boolean =>
  [...policy.rules, policy.otherwise].some(choiceNamesAdyen);

const ADYEN_URLS: Readonly<Record<string, AdyenHost['service']>> = {
  ADYEN_API_URL: 'checkout',
  ADYEN_PAYMENT_API_URL: 'pal',
  ADYEN_CHECKOUTSHOPPER_URL: 'checkoutshopper',
};
type AdyenUrlSetting = 'ADYEN_API_URL' | 'ADYEN_PAYMENT_API_URL' | 'ADYEN_CHECKOUTSHOPPER_URL';

/**
 * Production, once Adyen is configured (docs/going-live.md#what-production-refuses): Adyen's own
 * hosts over https, test and live not mixed, another upstream only when NON_ADYEN_UPSTREAM_HOSTS
 * names it; webhooks need their HMAC keys and Basic auth, or every one would be refused.
 */
export function adyenProductionProblems(env: AdyenEnvironment): EnvironmentProblem[] {
  if (!adyenConfigured(env)) return [];
  const named = new Set(
    (env.NON_ADYEN_UPSTREAM_HOSTS ?? '').toLowerCase().split(',').filter(Boolean),
  );
  const problems: EnvironmentProblem[] = [];
  const test = new Set<boolean>();
  for (const [setting, service] of Object.entries(ADYEN_URLS)) {
    const url = new URL(env[setting as AdyenUrlSetting]);
    if (named.has(url.host) || named.has(url.hostname)) continue;
    const host = adyenHostOf(url);
    if (url.protocol !== 'https:' || host?.service !== service) {
      problems.push({
        setting,
        reason: `must be Adyen's own ${service} host over https unless NON_ADYEN_UPSTREAM_HOSTS names its host`,
      });
    } else test.add(host.test);
  }
  if (test.size > 1) {
    problems.push({
      setting: 'ADYEN_API_URL',
      reason: 'Adyen URLs mix the test and the live environment',
    });
  }
  if (!env.ADYEN_HMAC_KEYS) {
    problems.push({
      setting: 'ADYEN_HMAC_KEYS',
      reason: 'required: without it every Adyen webhook is refused',
    });
  }
  if (!env.ADYEN_WEBHOOK_USERNAME || !env.ADYEN_WEBHOOK_PASSWORD) {
    problems.push({
      setting: 'ADYEN_WEBHOOK_USERNAME',
      reason: "required with ADYEN_WEBHOOK_PASSWORD: the Basic auth Adyen's webhooks carry",
    });
  }
  return problems;
}
