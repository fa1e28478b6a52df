export const AUTHENTICATION_COMPLETED = 'authentication.completed';
export const AUTHENTICATION_CLAIMED = 'authentication.claimed';
export const AUTHENTICATION_CLAIM_RELEASED = 'authentication.claim_released';

/** Every event a team's endpoints receive: the OpenAPI document has a webhook for each. */
export const TEAM_EVENT_TYPES = [
  AUTHENTICATION_COMPLETED,
  AUTHENTICATION_CLAIMED,
  AUTHENTICATION_CLAIM_RELEASED,
] as const;
export type TeamEventType = (typeof TEAM_EVENT_TYPES)[number];
