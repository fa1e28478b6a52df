/**
 * The pure domain of 3-D Secure authentication: states, events, the transition table,
 * outcomes and guidance. Imports no framework and does no I/O.
 */
export {
  AUTHENTICATION_STATES,
  AUTHENTICATION_TRANSITIONS,
  FINAL_STATES,
  INITIAL_STATE,
  assertNever,
  isFinal,
  isTerminal,
  patchFor,
  transition,
  type AuthenticationEvent,
  type AuthenticationEventType,
  type AuthenticationPatch,
  type AuthenticationState,
  type Transition,
} from './authentication/authentication.machine.js';
export {
  FAILED_OUTCOMES,
  GUIDANCE,
  isFailedOutcome,
  isTransStatus,
  OUTCOMES,
  OUTCOME_FOR_TRANS_STATUS,
  SUCCESSFUL_OUTCOMES,
  UNANSWERED_OUTCOMES,
  type FailedOutcome,
  type Guidance,
  type Outcome,
  type TransStatus,
} from './authentication/outcome.js';
export { guidanceOfRecorded } from './authentication/guidance.js';
export { hostedEvent, HOSTED_EXIT_FOR_OUTCOME, type HostedExit } from './authentication/hosted.js';
export {
  AuthenticationNotFoundError,
  CallbackTokenInvalidError,
  ChannelMismatchError,
  ChannelNotEnabledError,
  NoCardholderStepError,
  ConcurrentUpdateError,
  InputRefusedError,
  HostedNotSupportedError,
  InvalidRequestError,
  DomainError,
  EndpointLimitReachedError,
  EndpointNotFoundError,
  EndpointUrlNotAllowedError,
  ERROR_CODES,
  EventNotFoundError,
  fieldErrorDetails,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  IllegalTransitionError,
  RateLimitedError,
  ResultNotAuthorizableError,
  ResultNotReadyError,
  WebhookSignatureInvalidError,
  type ErrorCode,
  type FieldError,
  type InputRefusalCode,
} from './errors.js';
export {
  DataQualityTooLowError,
  InitialSessionNotFoundError,
  ProcessingChannelNotAllowedError,
} from './authority-errors.js';
export {
  ProviderCircuitOpenError,
  UpstreamBusyError,
  UpstreamOutcomeUnknownError,
  UpstreamRejectedRequestError,
  UpstreamUnavailableError,
} from './upstream-errors.js';
export { DatabaseUnavailableError } from './database-errors.js';
export type {
  AuthenticationResultFields,
  HostedReturnUrls,
  NextAction,
} from './authentication/authentication-details.js';
export {
  RESULT_FORMATS,
  type AuthenticationResult,
  type ResultFormat,
} from './handoff/authentication-result.js';
export { formatResult } from './handoff/result-formats.js';
export {
  ADYEN_CHALLENGE_CANCEL,
  ADYEN_EXEMPTION,
  CHALLENGE_INDICATOR_CODE,
  STRIPE_CB_AVALGOS,
  STRIPE_ECIS,
  STRIPE_EXEMPTION,
  STRIPE_VERSIONS,
} from './handoff/psp-formats.js';
export {
  CLAIMABLE_GUIDANCE,
  CLAIM_PSPS,
  CLAIM_STATUSES,
  RELEASE_REASONS,
  TEAM_RELEASE_REASONS,
  claimRefusal,
  isAuthorizableIn,
  meaningOfHeldClaim,
  type ClaimableResult,
  type ClaimedPayment,
  type ClaimPsp,
  type ClaimRefusal,
  type ClaimStatus,
  type HeldClaim,
  type HeldClaimMeaning,
  type ReleaseReason,
  type TeamReleaseReason,
} from './handoff/claims.js';
export {
  ClaimDoesNotMatchAuthenticationError,
  ClaimNotFoundError,
  PaymentReferenceReusedError,
  ResultAlreadyClaimedError,
  ResultExpiredError,
  ResultNotClaimableError,
  ResultSteppedUpError,
} from './claim-errors.js';
export {
  STEP_UP_CHALLENGE_INDICATOR,
  stepUpRefusal,
  type StepUpAsk,
  type StepUpRefusal,
  type SteppableOriginal,
} from './handoff/step-up.js';
export {
  AlreadySteppedUpError,
  StepUpCardMismatchError,
  StepUpExceedsOriginalError,
  StepUpNotPossibleError,
} from './step-up-errors.js';
export { NoProviderCanServeError } from './routing-errors.js';
export { isExpired, isLuhnValid, luhnCheckDigit, maskedParts } from './card/card-number.js';
export {
  BIN_RANGES,
  CARD_SCHEMES,
  IIN_RANGES,
  cardSchemeOf,
  cardSchemeOfBin,
  isCardNumber,
  type CardScheme,
  type IinRange,
} from './card/card-schemes.js';
export {
  findCardNumberMatches,
  findCardNumbers,
  maskCardNumbers,
  maskCardNumbersIn,
  type CardNumberMatch,
} from './card/card-data.js';
export {
  EFFECTS_ON_ENTER,
  RECHECK_DEADLINES,
  effectsOf,
  mootEffectsOf,
  recheckDeadlineOf,
  type Effect,
  type EffectType,
  type RecheckDeadline,
} from './authentication/effects.js';
export {
  AUTHENTICATION_COMMANDS,
  COMMANDS_BY_STATE,
  accepts,
  allows,
  statesAllowing,
  type AuthenticationCommand,
} from './authentication/commands.js';
export { backoffDelayMs, honourRetryAfter, type Backoff } from './retry/backoff.js';
export { PROVIDER_NAMES, type ProviderName } from './provider/provider-names.js';
export type { RoutingRecord } from './routing/routing-record.js';
export {
  PROVIDER_CHANNELS,
  cardNumberOf,
  type Address,
  type AppChannelData,
  type BrowserChannelData,
  type ChannelData,
  type MerchantInitiatedChannelData,
  type MethodCompletion,
  type PaymentSource,
  type Phone,
  type ProviderChannel,
  type SessionRequest,
} from './provider/session-request.js';
export {
  DATA_ELEMENTS,
  DATA_ELEMENT_WEIGHTS,
  applicableDataElements,
  scoreDataQuality,
  type DataElement,
  type DataQuality,
} from './strategy/data-quality.js';
export {
  CIRCUIT_STATES,
  ProviderCircuits,
  ProviderSet,
  ThreeDsProvider,
  ThreeDsProviders,
  type CircuitState,
  type CreatedProviderSession,
  type ProviderAvailability,
  type ProviderFailure,
  type ProviderFailureClass,
  type ProviderReturnUrls,
  type ProviderSessionContext,
  type ProviderState,
  type ReadHint,
  type ProviderSnapshot,
  type UpdateWindow,
} from './provider/three-ds-provider.js';
export {
  decideExemption,
  EXEMPTION_REQUESTS,
  exemptionFactsOf,
  indicatorOfDecision,
  isExemptionRequest,
  POLICY_INDICATORS,
  requestedExemptionApplied,
  ruleMatches,
  type ExemptionDecision,
  type ExemptionFacts,
  type ExemptionPolicy,
  type ExemptionRequest,
  type ExemptionRule,
  type MerchantRiskSignals,
  type PolicyIndicator,
  type RuleConditions,
} from './strategy/exemption-policy.js';
export {
  paymentFactsOf,
  paymentMatches,
  type PaymentConditions,
  type PaymentFacts,
} from './strategy/payment-conditions.js';
export { DEFAULT_EXEMPTION_POLICY } from './strategy/default-exemption-policy.js';
export {
  BIN_DIGITS,
  SPLIT_BUCKETS,
  routeOf,
  defaultRouting,
  routingFactsOf,
  routingRuleMatches,
  type BinRange,
  type ProviderChoice,
  type RoutingConditions,
  type RoutingDecision,
  type RoutingFacts,
  type RoutingPolicy,
  type RoutingRule,
  type SplitShare,
} from './routing/routing-policy.js';
export {
  routingPolicyProblems,
  type RoutingPolicyProblem,
} from './routing/routing-policy-problems.js';
export {
  PROVIDER_NEEDS,
  NO_TEAM_RELIANCE,
  providerNeedsOf,
  unmetNeeds,
  type ProviderCapabilities,
  type ProviderNeed,
  type ProviderNeeds,
  type TeamReliance,
} from './routing/provider-capabilities.js';
export {
  chooseProvider,
  type BreakerReading,
  type FailoverChoice,
  type SkippedProvider,
} from './routing/failover.js';
