import { createHmac } from 'node:crypto';
import { checkoutSignatureMatches } from './webhook-signature.js';

const body = Buffer.from('{"id":"evt_abc","type":"authentication_approved"}');
const hmac = (key: string, payload: Buffer = body) =>
  createHmac('sha256', key).update(payload).digest('hex');

describe('Checkout webhook signature', () => {
  const current = 'current-webhook-key-0001';
  const previous = 'previous-webhook-key-0001';

  it.each([
    ['the current key', hmac(current), true],
    ['the previous key (rotation)', hmac(previous), true],
    ['upper-case hex', hmac(current).toUpperCase(), true],
    ['another key', hmac('someone-elses-key-000'), false],
    ['a different body', hmac(current, Buffer.from('{}')), false],
    ['a truncated signature', hmac(current).slice(0, 63), false],
    ['not hex', 'z'.repeat(64), false],
    ['nothing', undefined, false],
  ])('with %s: %s', (_case, signature, expected) => {
    expect(checkoutSignatureMatches(body, signature, [current, previous])).toBe(expected);
  });

  it('verifies nothing when no key is configured', () => {
    expect(checkoutSignatureMatches(body, hmac(current), [])).toBe(false);
  });
});
