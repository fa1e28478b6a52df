import { EnvBoolean, HttpServerEnvironment, validateEnvironment } from '@app/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Min } from 'class-validator';

const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Every environment variable the Adyen simulator reads. */
export class AdyenSimulatorEnvironment extends HttpServerEnvironment {
  override PORT: number = 3002;

  /**
   * Base URL the simulator puts in 3DS Method and ACS URLs (as browsers reach it); unset:
   * `http://127.0.0.1:` and PORT.
   */
  @IsOptional()
  @IsUrl(HTTP_URL)
  ADYEN_SIMULATOR_PUBLIC_URL?: string;

  /** The one API key `X-API-Key` must carry (docs/adyen-authentication.md#authentication). */
  @IsString()
  @IsNotEmpty()
  ADYEN_SIMULATOR_API_KEY: string;

  /**
   * The client key Adyen's 3DS2 component sends as `?token=` to `submitThreeDS2Fingerprint`;
   * public by design (it lives in the merchant's page).
   */
  @Matches(/^(test|live)_\w+$/, {
    message: 'ADYEN_SIMULATOR_CLIENT_KEY must be test_ or live_ and letters or digits',
  })
  ADYEN_SIMULATOR_CLIENT_KEY: string = 'test_ADYENSIMULATORCLIENTKEY';

  /** The merchant account the key may use; another gets 403 `901` Invalid Merchant Account. */
  @IsString()
  @IsNotEmpty()
  ADYEN_SIMULATOR_MERCHANT_ACCOUNT: string = 'SimulatorMerchantECOM';

  /** The webhooks' HMAC key, hex as the Customer Area shows it (docs/adyen-authentication.md#signature). */
  @Matches(/^([0-9A-Fa-f]{2})+$/, {
    message: 'ADYEN_SIMULATOR_HMAC_KEY must be an even number of hex digits',
  })
  ADYEN_SIMULATOR_HMAC_KEY: string;

  /** Where signed `AUTHENTICATION` webhooks go; unset = none are sent. */
  @IsOptional()
  @IsUrl(HTTP_URL)
  ADYEN_SIMULATOR_WEBHOOK_URL?: string;

  /** HTTP Basic user name sent with every webhook (with the password) when set. */
  @IsOptional()
  @IsString()
  ADYEN_SIMULATOR_WEBHOOK_USERNAME?: string;

  /** HTTP Basic password of the webhooks. */
  @IsOptional()
  @IsString()
  ADYEN_SIMULATOR_WEBHOOK_PASSWORD?: string;

  /** Divides Adyen's webhook retry schedule (9 s … 8 h); 1000 turns seconds into ms. */
  @IsInt()
  @Min(1)
  ADYEN_SIMULATOR_WEBHOOK_RETRY_SCALE: number = 1;

  /** Enables the `/_sim/...` control API (faults, clock, logs). Never in production. */
  @EnvBoolean()
  ADYEN_SIMULATOR_CONTROL_API: boolean = false;
}

export function validateAdyenSimulatorEnvironment(
  raw: Record<string, unknown>,
): AdyenSimulatorEnvironment {
  return validateEnvironment('adyen-simulator', AdyenSimulatorEnvironment, raw);
}
