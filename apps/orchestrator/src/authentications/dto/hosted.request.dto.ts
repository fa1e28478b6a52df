import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength, registerDecorator } from 'class-validator';
import { Omittable } from '../../http/omittable.js';

/** The provider's limit on the hosted page's success and failure URLs. */
const MAX_RETURN_URL_LENGTH = 256;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A page the cardholder's browser returns to: https, or http to a loopback host (a local run;
 * no cardholder's browser reaches a team's loopback). No credentials in it.
 */
export function isReturnUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
  return secure && !url.username && !url.password;
}

function IsReturnUrl(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isReturnUrl',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: 'must be an https URL (http only to a loopback host)' },
      validator: { validate: isReturnUrl },
    });
}

const returnUrl = (example: string, description: string) => ({
  maxLength: MAX_RETURN_URL_LENGTH,
  format: 'uri',
  example,
  description,
});

/**
 * Hosted authentication: the provider's page gathers the browser data and runs any challenge, then
 * the cardholder comes back to one of these (docs/design.md#hosted-sessions).
 */
@ApiSchema({ name: 'HostedReturnUrls' })
export class HostedRequestDto {
  @ApiProperty(returnUrl('https://shop.example/pay/3ds/success', 'Authenticated or attempted'))
  @IsString()
  @MaxLength(MAX_RETURN_URL_LENGTH)
  @IsReturnUrl()
  success_url: string;

  @ApiProperty(returnUrl('https://shop.example/pay/3ds/failure', 'Any other outcome'))
  @IsString()
  @MaxLength(MAX_RETURN_URL_LENGTH)
  @IsReturnUrl()
  failure_url: string;

  @ApiPropertyOptional(
    returnUrl('https://shop.example/pay/3ds/cancel', 'Abandoned; `failure_url` if absent'),
  )
  @Omittable()
  @IsString()
  @MaxLength(MAX_RETURN_URL_LENGTH)
  @IsReturnUrl()
  cancel_url?: string;
}
