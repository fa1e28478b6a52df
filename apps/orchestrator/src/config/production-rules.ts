import type { EnvironmentProblem } from '@app/common';
import { basename } from 'node:path';
import { adyenProductionProblems } from './adyen-settings.js';
import { parseTeamProcessingChannels } from './checkout-channels.js';
import type { OrchestratorEnvironment } from './orchestrator.environment.js';
import { checkoutHostOf, nonPublicHostReason } from './production-hosts.js';
import { isShippedSecret, secretValuesOf } from './shipped-secrets.js';

/**
 * Why a start with NODE_ENV=production must not go ahead, one problem per setting: nothing in
 * production comes from a default meant for a laptop (docs/going-live.md#what-production-refuses).
 * `execArgv`: the process's Node flags, to catch development defaults handed over as an env file.
 */
export function productionProblems(
  env: OrchestratorEnvironment,
  execArgv: readonly string[],
): EnvironmentProblem[] {
  return [
    ...baseUrlProblems(env),
    ...processingChannelProblems(env),
    ...shippedSecretProblems(env),
    ...developmentSwitchProblems(env),
    ...checkoutUrlProblems(env),
    ...adyenProductionProblems(env),
    ...developmentEnvFileProblems(execArgv),
  ];
}

const BASE_URL_USERS = {
  CALLBACK_BASE_URL: "Checkout's servers post callbacks to it",
  BROWSER_BASE_URL: "cardholders' browsers open the notification pages on it",
} as const;
type BaseUrlSetting = keyof typeof BASE_URL_USERS;

/** Both base URLs set (PUBLIC_URL may stand for both; its default does not count), https, public. */
function baseUrlProblems(env: OrchestratorEnvironment): EnvironmentProblem[] {
  const problems: EnvironmentProblem[] = [];
  const servedBy = new Map<'PUBLIC_URL' | BaseUrlSetting, BaseUrlSetting[]>();
  for (const role of Object.keys(BASE_URL_USERS) as BaseUrlSetting[]) {
    const setting = env[role] ? role : env.PUBLIC_URL ? 'PUBLIC_URL' : undefined;
    if (setting) servedBy.set(setting, [...(servedBy.get(setting) ?? []), role]);
    else problems.push({ setting: role, reason: `required (${BASE_URL_USERS[role]})` });
  }
  for (const [setting, roles] of servedBy) {
    const defect = publicHttpsDefect(new URL(env[setting]!));
    const uses = roles.map((role) => BASE_URL_USERS[role]).join('; ');
    if (defect) problems.push({ setting, reason: `${defect} (${uses})` });
  }
  return problems;
}

function publicHttpsDefect(url: URL): string | undefined {
  if (url.protocol !== 'https:') return 'must be https';
  const notPublic = nonPublicHostReason(url.hostname);
  return notPublic && `must name a public host, not ${notPublic}`;
}

/**
 * Checkout refuses a create without `processing_channel_id` from a key bound to none
 * (docs/checkout-sessions.md#create-request): every team the configuration knows needs one.
 */
function processingChannelProblems(env: OrchestratorEnvironment): EnvironmentProblem[] {
  if (env.CHECKOUT_PROCESSING_CHANNEL_ID) return [];
  const byTeam = parseTeamProcessingChannels(env.TEAM_PROCESSING_CHANNELS);
  if (byTeam.size === 0) {
    return [
      {
        setting: 'CHECKOUT_PROCESSING_CHANNEL_ID',
        reason: 'required unless TEAM_PROCESSING_CHANNELS gives every team its channels',
      },
    ];
  }
  const seeded = (env.API_KEYS ?? '').split(',').filter(Boolean);
  const without = [...new Set(seeded.map((pair) => pair.split(':')[0]))].filter(
    (team) => !byTeam.has(team),
  );
  return without.length === 0
    ? []
    : [
        {
          setting: 'TEAM_PROCESSING_CHANNELS',
          reason: `no processing channel for team ${without.join(', ')} of API_KEYS, and no CHECKOUT_PROCESSING_CHANNEL_ID`,
        },
      ];
}

function shippedSecretProblems(env: OrchestratorEnvironment): EnvironmentProblem[] {
  return secretValuesOf(env)
    .filter(([, values]) => values.some(isShippedSecret))
    .map(([setting]) => ({
      setting,
      reason: 'holds a value this repository ships (public: development or test); use your own',
    }));
}

function developmentSwitchProblems(env: OrchestratorEnvironment): EnvironmentProblem[] {
  const problems: EnvironmentProblem[] = [];
  if (env.TEAM_EVENTS_ALLOW_PRIVATE_TARGETS) {
    problems.push({
      setting: 'TEAM_EVENTS_ALLOW_PRIVATE_TARGETS',
      reason: 'must not be true (team endpoints over http, on private or loopback addresses)',
    });
  }
  if (env.DEMO_PAGE) {
    problems.push({
      setting: 'DEMO_PAGE',
      reason: 'must not be true (the demo checkout and its demo-only merchant backend)',
    });
  }
  if (env.FAILPOINTS) {
    problems.push({
      setting: 'FAILPOINTS',
      reason: 'must not be set (named points where the process kills itself, for tests)',
    });
  }
  return problems;
}

const CHECKOUT_URLS = { CHECKOUT_API_URL: 'api', CHECKOUT_TOKEN_URL: 'access' } as const;

/**
 * Checkout's own hosts over https, one environment for both; another upstream (a simulator, an
 * egress proxy) only when NON_CHECKOUT_UPSTREAM_HOSTS names its host.
 */
function checkoutUrlProblems(env: OrchestratorEnvironment): EnvironmentProblem[] {
  const listed = (env.NON_CHECKOUT_UPSTREAM_HOSTS ?? '').toLowerCase().split(',');
  const named = new Set(listed.filter(Boolean));
  const problems: EnvironmentProblem[] = [];
  const sandbox = new Set<boolean>();
  for (const [setting, service] of Object.entries(CHECKOUT_URLS)) {
    const url = new URL(env[setting as keyof typeof CHECKOUT_URLS]);
    if (named.has(url.host) || named.has(url.hostname)) continue;
    const host = checkoutHostOf(url);
    if (url.protocol !== 'https:' || host?.service !== service) {
      problems.push({
        setting,
        reason: `must be Checkout's own ${service} host over https ([prefix.]${service}[.sandbox].checkout.com) unless NON_CHECKOUT_UPSTREAM_HOSTS names its host`,
      });
    } else sandbox.add(host.sandbox);
  }
  if (sandbox.size > 1) {
    problems.push({
      setting: 'CHECKOUT_TOKEN_URL',
      reason: "must be of CHECKOUT_API_URL's environment (sandbox and live are mixed)",
    });
  }
  return problems;
}

/**
 * A second line behind the npm scripts, which give no env file in production
 * (scripts/app-flags.mjs): development defaults handed to `node --env-file` by hand.
 */
function developmentEnvFileProblems(execArgv: readonly string[]): EnvironmentProblem[] {
  const files = execArgv.flatMap((flag, index) => {
    const match = /^--env-file(?:-if-exists)?(?:=(.*))?$/.exec(flag);
    return match ? [match[1] ?? execArgv[index + 1] ?? ''] : [];
  });
  return files.some((file) => basename(file) === 'development.env')
    ? [
        {
          setting: '--env-file',
          reason: 'names development.env: production takes its settings from the environment only',
        },
      ]
    : [];
}
