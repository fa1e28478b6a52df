import {
  adyenEnvelope,
  signedAdyenItem,
} from '../../../test/support/adyen-simulator/signed-notification.js';
import { adyenNotificationSigned, parseAdyenNotification } from './adyen-notification.js';

const CURRENT = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const PREVIOUS = '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF';

function anItem(key = CURRENT, overrides: Record<string, unknown> = {}) {
  return signedAdyenItem(
    {
      amount: { value: 1250, currency: 'EUR' },
      eventCode: 'AUTHENTICATION',
      eventDate: '2026-12-06T10:00:00+01:00',
      merchantAccountCode: 'E2eMerchantECOM',
      merchantReference: 'order-1',
      pspReference: 'K8RT2XH5QM3ZV7NB',
      success: 'true',
      ...overrides,
    },
    key,
  );
}
const envelope = adyenEnvelope;

describe('Adyen notification', () => {
  it('reads the items of the standard envelope', () => {
    const [item] = parseAdyenNotification(envelope(anItem()))!;
    expect(item).toMatchObject({
      eventCode: 'AUTHENTICATION',
      pspReference: 'K8RT2XH5QM3ZV7NB',
      merchantReference: 'order-1',
      success: 'true',
      amount: { value: 1250, currency: 'EUR' },
      eventDate: new Date('2026-12-06T09:00:00Z'),
    });
  });

  it.each([
    ['the current key', CURRENT, true],
    ['the previous key (rotation)', PREVIOUS, true],
    ['another key', 'AB'.repeat(32), false],
  ])('verifies an item signed with %s: %s', (_case, key, expected) => {
    const [item] = parseAdyenNotification(envelope(anItem(key)))!;
    expect(adyenNotificationSigned(item, [CURRENT, PREVIOUS])).toBe(expected);
  });

  it('verifies nothing without keys', () => {
    const [item] = parseAdyenNotification(envelope(anItem()))!;
    expect(adyenNotificationSigned(item, [])).toBe(false);
  });

  it('refuses a changed signed field', () => {
    const [item] = parseAdyenNotification(envelope({ ...anItem(), merchantReference: 'order-2' }))!;
    expect(adyenNotificationSigned(item, [CURRENT])).toBe(false);
  });

  it.each([
    ['not an object', 'text'],
    ['no items', envelope()],
    ['items not a list', { notificationItems: {} }],
    ['an item without a signature', envelope({ ...anItem(), additionalData: {} })],
    ['an item without additionalData', envelope({ ...anItem(), additionalData: undefined })],
    [
      'an amount that is not an integer',
      envelope(anItem(CURRENT, { amount: { value: '12', currency: 'EUR' } })),
    ],
    ['a field that is not text', envelope(anItem(CURRENT, { pspReference: 12 }))],
    ['an entry without its item', { notificationItems: [{}] }],
    ['a good item and a broken one', envelope(anItem(), { eventCode: 'AUTHENTICATION' })],
  ])('cannot verify %s: none of it is read', (_case, body) => {
    expect(parseAdyenNotification(body)).toBeUndefined();
  });

  it('reads an unparseable eventDate as none', () => {
    const [item] = parseAdyenNotification(envelope(anItem(CURRENT, { eventDate: 'soon' })))!;
    expect(item.eventDate).toBeNull();
  });
});
