import { teamEntries } from './team-settings.js';

const TEAM_MINIMUM = '[a-z0-9_-]+:(100|[1-9]?[0-9])';
/** DATA_QUALITY_MINIMUMS: `team:score` entries, comma-separated (`team-a:60,team-b:40`). */
export const TEAM_MINIMUM_LIST = new RegExp(`^${TEAM_MINIMUM}(,${TEAM_MINIMUM})*$`);

/** Team → the least data quality score its creates must have, from a validated setting. */
export function parseDataQualityMinimums(raw: string | undefined): Map<string, number> {
  return new Map(teamEntries(raw).map(([team, score]) => [team, Number(score)]));
}
