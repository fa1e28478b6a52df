import { ProcessingChannelNotAllowedError, ProviderSet, type ThreeDsProvider } from '@app/domain';
import type { ExecutionContext } from '@nestjs/common';
import { ProcessingChannelGuard } from './processing-channel.guard.js';

const DEFAULT = `pc_${'d'.repeat(26)}`;
const A_OWN = `pc_${'a'.repeat(26)}`;
const A_OTHER = `pc_${'e'.repeat(26)}`;
const B_OWN = `pc_${'b'.repeat(26)}`;

const BY_TEAM = new Map([
  ['team-a', [A_OWN, A_OTHER]],
  ['team-b', [B_OWN]],
]);
/** The provider account's answer: a team's own channels, else the account's default. */
const provider = {
  name: 'acme',
  processingChannelsOf: (team: string) => BY_TEAM.get(team) ?? [DEFAULT],
} as unknown as ThreeDsProvider;
const guard = new ProcessingChannelGuard(new ProviderSet([provider], 'acme'));

const create = (team: string, body: unknown) =>
  guard.canActivate({
    switchToHttp: () => ({ getRequest: () => ({ team, body }) }),
  } as unknown as ExecutionContext);

describe('ProcessingChannelGuard', () => {
  it.each([
    ['team-a', A_OWN],
    ['team-a', A_OTHER],
    ['team-b', B_OWN],
    ['team-c', DEFAULT],
  ])('lets %s create on its own channel %s', (team, channel) => {
    expect(create(team, { processing_channel_id: channel })).toBe(true);
  });

  it.each([
    ['team-a', B_OWN, "another team's"],
    ['team-b', A_OTHER, "another team's"],
    ['team-a', DEFAULT, 'the default, which a team with its own channels does not use'],
    ['team-c', A_OWN, "another team's (a team without an entry has the default only)"],
    ['team-c', `pc_${'z'.repeat(26)}`, 'an unknown one'],
  ])('refuses %s the channel %s: %s', (team, channel) => {
    expect(() => create(team, { processing_channel_id: channel })).toThrow(
      ProcessingChannelNotAllowedError,
    );
  });

  it.each([{}, { processing_channel_id: 'pc_short' }, { processing_channel_id: 7 }, null])(
    "leaves a create without a processing channel id, or one that is none, to the team's default and body validation (%p)",
    (body) => {
      expect(create('team-a', body)).toBe(true);
    },
  );
});
