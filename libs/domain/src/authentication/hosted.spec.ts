import { hostedEvent } from './hosted.js';

describe('hosted events', () => {
  it('turns a result into a hosted result, keeping the outcome and the session id', () => {
    expect(
      hostedEvent({ type: 'result_received', outcome: 'attempted', providerSessionId: 'sid_1' }),
    ).toEqual({ type: 'hosted_result_received', outcome: 'attempted', providerSessionId: 'sid_1' });
  });

  it('ends an abandoned challenge as an abandoned hosted result', () => {
    expect(hostedEvent({ type: 'challenge_abandoned' })).toEqual({
      type: 'hosted_result_received',
      outcome: 'abandoned',
    });
  });

  it("waits for the browser instead of a 3DS Method: Checkout's page runs it", () => {
    expect(hostedEvent({ type: 'fingerprint_required', providerSessionId: 'sid_1' })).toEqual({
      type: 'channel_data_required',
      providerSessionId: 'sid_1',
    });
  });

  it('leaves the waiting steps as they are', () => {
    expect(hostedEvent({ type: 'challenge_issued' })).toEqual({ type: 'challenge_issued' });
    expect(hostedEvent({ type: 'session_expired' })).toEqual({ type: 'session_expired' });
  });
});
