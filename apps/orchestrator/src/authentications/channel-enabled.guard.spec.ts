import {
  ChannelNotEnabledError,
  ProviderSet,
  type ProviderChannel,
  type ThreeDsProvider,
} from '@app/domain';
import type { ExecutionContext } from '@nestjs/common';
import { ChannelEnabledGuard } from './channel-enabled.guard.js';

const guardFor = (channels: ProviderChannel[]) =>
  new ChannelEnabledGuard(
    new ProviderSet([{ name: 'acme', channels } as unknown as ThreeDsProvider], 'acme'),
  );

const contextWith = (body: unknown) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ body }) }) }) as unknown as ExecutionContext;

describe('ChannelEnabledGuard', () => {
  it('lets an enabled channel through', () => {
    expect(guardFor(['browser']).canActivate(contextWith({ channel: 'browser' }))).toBe(true);
  });

  it.each(['app', 'merchant_initiated'])(
    'refuses the %s channel when not enabled, naming the enabled ones',
    (channel) => {
      const refusal = (() => {
        try {
          return guardFor(['browser']).canActivate(contextWith({ channel }));
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(ChannelNotEnabledError);
      expect(refusal).toMatchObject({
        code: 'CHANNEL_NOT_ENABLED',
        details: { channel, enabled_channels: ['browser'] },
      });
    },
  );

  it('lets 3RI through when enabled', () => {
    const guard = guardFor(['browser', 'merchant_initiated']);
    expect(guard.canActivate(contextWith({ channel: 'merchant_initiated' }))).toBe(true);
  });

  it.each([{ channel: 'mail_order' }, { channel: 7 }, {}, null, 'text', undefined])(
    'leaves anything else to body validation (%p)',
    (body) => {
      expect(guardFor(['browser']).canActivate(contextWith(body))).toBe(true);
    },
  );
});
