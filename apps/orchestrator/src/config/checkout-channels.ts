import { SESSION_CHANNELS, type SessionChannel } from '@app/checkout-client';
import { teamEntries } from './team-settings.js';

/** Checkout's processing channel id: `pc_` and 26 characters. */
export const PROCESSING_CHANNEL_ID = /^pc_\w{26}$/;

/** CHECKOUT_CHANNELS: `browser`, `app`, `merchant_initiated` (3RI), comma-separated. */
export const CHANNEL_LIST = new RegExp(
  `^(${SESSION_CHANNELS.join('|')})(,(${SESSION_CHANNELS.join('|')}))*$`,
);

const TEAM_ENTRY = '[a-z0-9_-]+:pc_\\w{26}(\\|pc_\\w{26})*';
/**
 * TEAM_PROCESSING_CHANNELS: `team:pc_…` entries, comma-separated; a team with several channels
 * separates them with `|`, its default first (`team-a:pc_…|pc_…,team-b:pc_…`).
 */
export const TEAM_PROCESSING_CHANNEL_LIST = new RegExp(`^${TEAM_ENTRY}(,${TEAM_ENTRY})*$`);

/** Who may use which processing channel (CHECKOUT_PROCESSING_CHANNEL_ID, TEAM_PROCESSING_CHANNELS). */
export interface ProcessingChannels {
  readonly default: string | undefined;
  /** A team's allowed channels, its default first. */
  readonly byTeam: ReadonlyMap<string, readonly string[]>;
}

/** The enabled channels of a validated CHECKOUT_CHANNELS, each once. */
export function parseChannels(raw: string): SessionChannel[] {
  const listed = raw.split(',');
  return SESSION_CHANNELS.filter((channel) => listed.includes(channel));
}

/** Team → its processing channel ids, from a validated TEAM_PROCESSING_CHANNELS (unset: none). */
export function parseTeamProcessingChannels(raw: string | undefined): Map<string, string[]> {
  return new Map(
    teamEntries(raw).map(([team, channels]) => [team, [...new Set(channels.split('|'))]]),
  );
}

/**
 * The processing channels a team may create on: its own entry's, else the default alone, else
 * none (then only a create without one is possible, on an API key bound to a channel).
 */
export function allowedProcessingChannels(
  team: string,
  channels: ProcessingChannels,
): readonly string[] {
  return channels.byTeam.get(team) ?? (channels.default ? [channels.default] : []);
}
