import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import {
  EnvBoolean,
  EnvironmentValidationError,
  validateEnvironment,
} from './validate-environment.js';

class SampleEnvironment {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @EnvBoolean()
  FEATURE_ON: boolean = false;

  @IsString()
  @IsNotEmpty()
  API_SECRET: string;

  @IsOptional()
  @IsString()
  OPTIONAL_NAME?: string;
}

const validate = (raw: Record<string, unknown>) =>
  validateEnvironment('sample', SampleEnvironment, raw);

describe('validateEnvironment', () => {
  it('converts strings to the declared types and keeps defaults for unset keys', () => {
    expect(validate({ PORT: '8080', FEATURE_ON: 'true', API_SECRET: 's' })).toMatchObject({
      PORT: 8080,
      FEATURE_ON: true,
      API_SECRET: 's',
    });
    expect(validate({ API_SECRET: 's' })).toMatchObject({ PORT: 3000, FEATURE_ON: false });
  });

  it('reads "false" as false, not as a truthy string', () => {
    expect(validate({ FEATURE_ON: 'false', API_SECRET: 's' }).FEATURE_ON).toBe(false);
  });

  it('treats an empty value as unset', () => {
    expect(validate({ PORT: '', API_SECRET: 's' }).PORT).toBe(3000);
    expect(() => validate({ API_SECRET: '' })).toThrow(/API_SECRET: should not be empty/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ FEATURE_ON: 'yes' }, 'FEATURE_ON'],
  ])('names the failing key of %o', (raw, key) => {
    expect(() => validate({ API_SECRET: 's', ...raw })).toThrow(new RegExp(`${key}: `));
  });

  it('never echoes a value, secret or not', () => {
    const secret = 'sup3r-s3cret-v4lue';
    try {
      validate({ PORT: secret, API_SECRET: secret, FEATURE_ON: secret });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentValidationError);
      expect((error as EnvironmentValidationError).problems.map((p) => p.setting)).toEqual([
        'PORT',
        'FEATURE_ON',
      ]);
      expect(String(error)).not.toContain(secret);
    }
  });
});
