import { DETAILED_CREATE_EXAMPLE } from '../../apps/orchestrator/src/authentications/dto/create-authentication.examples.js';
import type { CreateAuthenticationRequestDto } from '../../apps/orchestrator/src/authentications/dto/create-authentication.request.dto.js';
import { checkoutSessionRequest } from '../../apps/orchestrator/src/providers/checkout/checkout-session-request.js';

/**
 * The team API takes Checkout's fields under their own names (docs/design.md#provider-port): the
 * two rooms meet only here, so that the API's documented example is proven to reach Checkout
 * whole without either room importing the other.
 */
describe('the team API and Checkout', () => {
  const DEFAULT_CHANNEL = 'pc_defaultdefaultdefaultdefau';
  const channels = { default: DEFAULT_CHANNEL, byTeam: new Map<string, string[]>() };
  const COMPLETION = {
    type: 'non_hosted',
    callback_url: 'https://callbacks.example/callbacks/checkout/auth_1/token',
    challenge_notification_url: 'https://pay.example/notifications/challenge/auth_1',
  } as const;

  it("sends every optional Checkout field under Checkout's own name and nesting", () => {
    const detailed = DETAILED_CREATE_EXAMPLE as CreateAuthenticationRequestDto;
    const body = checkoutSessionRequest('team-b', detailed, COMPLETION, channels);
    const { channel: _ours, ...checkoutFields } = DETAILED_CREATE_EXAMPLE;
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      ...checkoutFields,
      processing_channel_id: DEFAULT_CHANNEL,
      completion: COMPLETION,
    });
  });
});
