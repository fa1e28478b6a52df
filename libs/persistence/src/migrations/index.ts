import { CreateAuthentications1764064800000 } from './1764064800000-create-authentications.js';
import { AuthenticationFlow1795608194543 } from './1795608194543-authentication-flow.js';
import { IdempotencyKeys1795609975762 } from './1795609975762-idempotency-keys.js';
import { DurableEffects1796178958187 } from './1796178958187-durable-effects.js';
import { AbuseResistance1796186553601 } from './1796186553601-abuse-resistance.js';
import { HostedSessions1796200000000 } from './1796200000000-hosted-sessions.js';
import { DeadLetterRedelivery1796300000000 } from './1796300000000-dead-letter-redelivery.js';
import { IdempotencyKeyHashes1796317000000 } from './1796317000000-idempotency-key-hashes.js';
import { InputCounts1796318000000 } from './1796318000000-input-counts.js';
import { NotificationRereadBudget1796319000000 } from './1796319000000-notification-reread-budget.js';
import { ProviderNeutralNames1796400000000 } from './1796400000000-provider-neutral-names.js';
import { ResultClaims1796500000000 } from './1796500000000-result-claims.js';
import { ReplayBytes1796520000000 } from './1796520000000-replay-bytes.js';
import { CanonicalCurrencies1796527000000 } from './1796527000000-canonical-currencies.js';
import { ExemptionDecisions1796528000000 } from './1796528000000-exemption-decisions.js';
import { DataQuality1796529000000 } from './1796529000000-data-quality.js';
import { StepUps1796530000000 } from './1796530000000-step-ups.js';
import { TeamCreationIndex1796531000000 } from './1796531000000-team-creation-index.js';
import { RoutingDecisions1796532000000 } from './1796532000000-routing-decisions.js';
import { ProviderState1796533000000 } from './1796533000000-provider-state.js';
import { AuthenticationDue1796534000000 } from './1796534000000-authentication-due.js';

/** Every migration, in order. Explicit because the apps are bundled (no path globs). */
export const MIGRATIONS = [
  CreateAuthentications1764064800000,
  AuthenticationFlow1795608194543,
  IdempotencyKeys1795609975762,
  DurableEffects1796178958187,
  AbuseResistance1796186553601,
  HostedSessions1796200000000,
  DeadLetterRedelivery1796300000000,
  IdempotencyKeyHashes1796317000000,
  InputCounts1796318000000,
  NotificationRereadBudget1796319000000,
  ProviderNeutralNames1796400000000,
  ResultClaims1796500000000,
  ReplayBytes1796520000000,
  CanonicalCurrencies1796527000000,
  ExemptionDecisions1796528000000,
  DataQuality1796529000000,
  StepUps1796530000000,
  TeamCreationIndex1796531000000,
  RoutingDecisions1796532000000,
  ProviderState1796533000000,
  AuthenticationDue1796534000000,
];
