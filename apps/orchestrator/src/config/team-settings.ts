/** A per-team setting's `team:value` entries, comma-separated, as [team, value] in order. */
export function teamEntries(raw: string | undefined): Array<[string, string]> {
  return (raw ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [team, value] = entry.split(':');
      return [team, value];
    });
}

/** Teams listed in more than one entry: refused at start-up rather than guessed. */
export function teamsListedTwice(raw: string | undefined): string[] {
  const teams = teamEntries(raw).map(([team]) => team);
  return [...new Set(teams.filter((team, index) => teams.indexOf(team) !== index))];
}
