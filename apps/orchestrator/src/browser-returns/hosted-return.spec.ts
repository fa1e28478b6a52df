import type { AuthenticationEntity } from '@app/persistence';
import { hostedReturnLocation } from './hosted-return.js';

const PAGES = {
  success_url: 'https://shop.example/3ds/success?order=42',
  failure_url: 'https://shop.example/3ds/failure',
};

const returned = (
  state: AuthenticationEntity['state'],
  outcome: AuthenticationEntity['outcome'],
  hosted: AuthenticationEntity['hosted'] = PAGES,
) =>
  new URL(hostedReturnLocation({ id: 'auth_1', state, outcome, hosted } as AuthenticationEntity));

describe('hostedReturnLocation', () => {
  it.each([
    ['authenticated', PAGES.success_url],
    ['attempted', PAGES.success_url],
    ['informational', PAGES.success_url],
    ['not_authenticated', PAGES.failure_url],
    ['rejected', PAGES.failure_url],
    ['unavailable', PAGES.failure_url],
    ['abandoned', PAGES.failure_url],
  ] as const)('sends %s to %s (no cancel_url given)', (outcome, page) => {
    expect(returned('completed', outcome).pathname).toBe(new URL(page).pathname);
  });

  it("keeps the team's own query and adds ours", () => {
    const location = returned('completed', 'authenticated');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      order: '42',
      authentication_id: 'auth_1',
      state: 'completed',
      outcome: 'authenticated',
    });
  });

  it('sends an abandoned authentication to cancel_url when there is one', () => {
    const cancel = 'https://shop.example/3ds/cancel';
    expect(returned('completed', 'abandoned', { ...PAGES, cancel_url: cancel }).pathname).toBe(
      '/3ds/cancel',
    );
  });

  it('sends an expired or failed one to failure_url', () => {
    expect(returned('closed', 'expired').pathname).toBe('/3ds/failure');
    expect(returned('closed', 'error').pathname).toBe('/3ds/failure');
  });

  it('sends one without a result to failure_url with its state and no outcome', () => {
    const location = returned('challenge_required', null);
    expect(location.pathname).toBe('/3ds/failure');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      authentication_id: 'auth_1',
      state: 'challenge_required',
    });
  });
});
