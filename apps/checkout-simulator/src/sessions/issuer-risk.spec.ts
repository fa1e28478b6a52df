import {
  challengeProbability,
  DATA_ELEMENTS,
  dataScore,
  deviceElements,
  requestElements,
  riskChallenges,
  seededDraw,
} from './issuer-risk.js';

const RICH_REQUEST = {
  source: {
    type: 'card',
    number: '4485040371536584',
    email: 'bruce.wayne@example.com',
    mobile_phone: { country_code: '44', number: '7700900123' },
    billing_address: { address_line1: '1 Main St', city: 'London', country: 'GB' },
  },
  shipping_address: { address_line1: '1 Main St', city: 'London', country: 'GB' },
  shipping_address_matches_billing: true,
  account_info: { cardholder_account_age_indicator: 'more_than_sixty_days' },
  initial_transaction: { authentication_method: 'frictionless_authentication' },
};

describe('the data-driven issuer risk model', () => {
  it('reads every element of a rich request, and none of a bare one', () => {
    expect(requestElements(RICH_REQUEST)).toEqual(
      DATA_ELEMENTS.filter((element) => element !== 'device_fingerprint'),
    );
    expect(requestElements({ source: { type: 'card', number: '4485040371536584' } })).toEqual([]);
  });

  it('counts the device fingerprint from a completed 3DS Method or an app SDK', () => {
    expect(deviceElements('browser', 'Y')).toEqual(['device_fingerprint']);
    expect(deviceElements('browser', 'U')).toEqual([]);
    expect(deviceElements('app', undefined)).toEqual(['device_fingerprint']);
  });

  it('scores 0–100 and turns the score into a challenge probability from 80 % down to 5 %', () => {
    expect(dataScore([...DATA_ELEMENTS])).toBe(100);
    expect(dataScore([])).toBe(0);
    expect(challengeProbability(0)).toBeCloseTo(0.8);
    expect(challengeProbability(100)).toBeCloseTo(0.05);
    expect(challengeProbability(50)).toBeCloseTo(0.425);
  });

  it('draws the same number for the same seed and key, another for another seed', () => {
    const key = ['ORD-1', 6540, 'USD', 'FINGERPRINT'];
    expect(seededDraw('seed', key)).toBe(seededDraw('seed', key));
    expect(seededDraw('seed', key)).not.toBe(seededDraw('other', key));
    expect(seededDraw('seed', key)).toBeGreaterThanOrEqual(0);
    expect(seededDraw('seed', key)).toBeLessThan(1);
  });

  it('challenges a seeded batch of poor requests more often than the same batch with rich data', () => {
    const keys = Array.from({ length: 400 }, (_, index) => [`ORD-${index}`, 6540, 'USD', 'F']);
    const rich = [...DATA_ELEMENTS];
    const challenged = (elements: typeof rich) =>
      keys.filter((key) => riskChallenges(elements, 'seed', key)).length;
    const poor = challenged([]);
    const full = challenged(rich);
    expect(poor).toBeGreaterThan(full);
    // The draws are uniform: close to the probabilities over 400 requests.
    expect(poor / keys.length).toBeGreaterThan(0.7);
    expect(full / keys.length).toBeLessThan(0.12);
  });
});
