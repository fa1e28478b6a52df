import { isBusyStatus } from './http-exchange.js';

describe('busy answers', () => {
  it('treats 429 and 503 as "not now", other 5xx as failures', () => {
    expect([429, 503, 500, 502, 504].map(isBusyStatus)).toEqual([true, true, false, false, false]);
  });
});
