import { isExpired, isLuhnValid } from '@app/domain';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** Digits only, 13–19 long, with a valid Luhn check digit. Messages never echo the value. */
export function IsCardNumber(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isCardNumber',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: {
        message: 'must be a 13–19 digit card number with a valid check digit',
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{13,19}$/.test(value) && isLuhnValid(value),
      },
    });
}

/** On the expiry year: together with `expiry_month`, not in the past. */
export function IsNotExpired(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isNotExpired',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'is in the past: the card has expired (expiry_month / expiry_year)' },
      validator: {
        validate: (year: unknown, args: ValidationArguments) => {
          const month = (args.object as { expiry_month?: unknown }).expiry_month;
          if (typeof year !== 'number' || typeof month !== 'number') return true;
          return !isExpired(month, year, new Date());
        },
      },
    });
}
