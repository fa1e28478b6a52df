import { BadRequestException } from '@nestjs/common';
import { DETAILED_CREATE_EXAMPLE } from './create-authentication.examples.js';
import { ClaimRequestDto } from './claim.request.dto.js';
import { CreateAuthenticationRequestDto } from './create-authentication.request.dto.js';
import { validationPipe } from '../../http/validation.pipe.js';

const pipe = validationPipe();
/** Parsed from a copy made in this realm (structuredClone's objects fail class-transformer). */
const parsed = <T>(metatype: new () => T, value: object): Promise<T> =>
  pipe.transform(JSON.parse(JSON.stringify(value)), { type: 'body', metatype }) as Promise<T>;

const A_CLAIM = { payment_reference: 'PAY-1', psp: 'stripe', amount: 100, currency: 'EUR' };

describe('currency fields (CurrencyCode)', () => {
  it('takes a currency in any letter case and hands it on upper case', async () => {
    for (const currency of ['eur', 'Eur', 'EUR']) {
      const claim = await parsed(ClaimRequestDto, { ...A_CLAIM, currency });
      expect(claim.currency).toBe('EUR');
    }
    const created = await parsed(CreateAuthenticationRequestDto, {
      ...DETAILED_CREATE_EXAMPLE,
      currency: 'gbp',
      merchant_risk_info: {
        ...DETAILED_CREATE_EXAMPLE.merchant_risk_info,
        gift_card_currency: 'usd',
      },
    });
    expect(created.currency).toBe('GBP');
    expect(created.merchant_risk_info?.gift_card_currency).toBe('USD');
  });

  it('still refuses what is no ISO 4217 code, in any case', async () => {
    for (const currency of ['euro', 'XYZ', 7]) {
      await expect(parsed(ClaimRequestDto, { ...A_CLAIM, currency })).rejects.toBeInstanceOf(
        BadRequestException,
      );
    }
  });
});
