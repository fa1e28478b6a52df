import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsInt,
  IsString,
  Max,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { memoizeValidationRules } from './validation-rules-memo.js';

class Amount {
  @IsInt()
  @Max(100)
  value!: number;
}

class Order {
  @IsString()
  reference!: string;

  @ValidateNested()
  @Type(() => Amount)
  amount!: Amount;
}

const order = (reference: unknown, value: unknown): Order =>
  Object.assign(new Order(), { reference, amount: Object.assign(new Amount(), { value }) });

const failures = (object: object): string[] =>
  validateSync(object, { whitelist: true, forbidNonWhitelisted: true }).flatMap((error) => [
    ...Object.keys(error.constraints ?? {}),
    ...(error.children ?? []).flatMap((child) => Object.keys(child.constraints ?? {})),
  ]);

describe('memoizeValidationRules', () => {
  beforeAll(() => memoizeValidationRules());

  it('validates as before, nested objects included, on every call', () => {
    for (let round = 0; round < 3; round++) {
      expect(failures(order('ord_1', 42))).toEqual([]);
      expect(failures(order(7, 42))).toEqual(['isString']);
      expect(failures(order('ord_1', 420))).toEqual(['max']);
      expect(failures(Object.assign(order('ord_1', 1), { cvv: '123' }))).toEqual([
        'whitelistValidation',
      ]);
    }
  });

  it('takes in a rule added to a class after it was validated', () => {
    class Note {
      @IsString()
      text!: string;
    }
    const note = (text: unknown, pages: unknown) => Object.assign(new Note(), { text, pages });
    expect(failures(note('hello', 'many'))).toEqual(['whitelistValidation']);
    IsInt()(Note.prototype, 'pages');
    expect(failures(note('hello', 'many'))).toEqual(['isInt']);
    expect(failures(note('hello', 3))).toEqual([]);
  });

  it('looks a class up once per options', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Order, '', false, false);
    expect(storage.getTargetValidationMetadatas(Order, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Order, '', false, false, ['admin'])).not.toBe(
      first,
    );
    expect(first.map((rule) => rule.propertyName).sort()).toEqual(['amount', 'reference']);
  });

  it('is installed once however often it is called', () => {
    memoizeValidationRules();
    memoizeValidationRules();
    expect(failures(order(7, 420))).toEqual(['isString', 'max']);
  });
});
