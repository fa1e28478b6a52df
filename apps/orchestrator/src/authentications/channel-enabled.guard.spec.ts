import { ChannelNotEnabledError } from '@app/domain';
import type { ExecutionContext } from '@nestjs/common';
import type { CheckoutConfig } from '../config/checkout.config.js';
import { ChannelEnabledGuard } from './channel-enabled.guard.js';

const guardFor = (channels: CheckoutConfig['channels']) =>
  new ChannelEnabledGuard({ channels } as CheckoutConfig);

const contextWith = (body: unknown) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ body }) }) }) as unknown as ExecutionContext;

describe('ChannelEnabledGuard', () => {
  it('lets an enabled channel through', () => {
    expect(guardFor(['browser']).canActivate(contextWith({ channel: 'browser' }))).toBe(true);
  });

  it('refuses a known channel that is not enabled, naming the enabled ones', () => {
    const refusal = (() => {
      try {
        return guardFor(['browser']).canActivate(contextWith({ channel: 'app' }));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ChannelNotEnabledError);
    expect(refusal).toMatchObject({
      code: 'CHANNEL_NOT_ENABLED',
      details: { channel: 'app', enabled_channels: ['browser'] },
    });
  });

  it.each([{ channel: 'merchant_initiated' }, { channel: 7 }, {}, null, 'text', undefined])(
    'leaves anything else to body validation (%p)',
    (body) => {
      expect(guardFor(['browser']).canActivate(contextWith(body))).toBe(true);
    },
  );
});
