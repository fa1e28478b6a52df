import { SESSION_CHANNELS, type SessionChannel } from '@app/checkout-client';

/** Checkout's processing channel id: `pc_` and 26 characters. */
export const PROCESSING_CHANNEL_ID = /^pc_\w{26}$/;

/** CHECKOUT_CHANNELS: `browser`, `app`, `merchant_initiated` (3RI), comma-separated. */
export const CHANNEL_LIST = new RegExp(
  `^(${SESSION_CHANNELS.join('|')})(,(${SESSION_CHANNELS.join('|')}))*$`,
);

/** TEAM_PROCESSING_CHANNELS: `team:pc_…` pairs, comma-separated. */
export const TEAM_PROCESSING_CHANNEL_LIST = /^[a-z0-9_-]+:pc_\w{26}(,[a-z0-9_-]+:pc_\w{26})*$/;

/** The enabled channels of a validated CHECKOUT_CHANNELS, each once. */
export function parseChannels(raw: string): SessionChannel[] {
  const listed = raw.split(',');
  return SESSION_CHANNELS.filter((channel) => listed.includes(channel));
}

/** Team → processing channel id, from a validated TEAM_PROCESSING_CHANNELS (unset: none). */
export function parseTeamProcessingChannels(raw: string | undefined): Map<string, string> {
  return new Map(teamPairs(raw));
}

/** Teams given more than one processing channel: refused at start-up rather than guessed. */
export function teamsListedTwice(raw: string | undefined): string[] {
  const teams = teamPairs(raw).map(([team]) => team);
  return [...new Set(teams.filter((team, index) => teams.indexOf(team) !== index))];
}

function teamPairs(raw: string | undefined): Array<[string, string]> {
  return (raw ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [team, channel] = pair.split(':');
      return [team, channel];
    });
}
