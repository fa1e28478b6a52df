import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { nullableString } from '../../openapi/schemas.js';

// What the caller does next (an authentication's `next_action`), one schema per kind.

/** EMV 3DS Method: post `three_ds_method_data` as `threeDSMethodData` from a hidden iframe. */
@ApiSchema({ name: 'ThreeDsMethodAction' })
export class ThreeDsMethodActionDto {
  @ApiProperty({ enum: ['three_ds_method'] })
  type: 'three_ds_method';

  @ApiProperty({ example: 'https://acs.example.com/3ds-method' })
  method_url: string;

  @ApiProperty({ description: 'Base64url JSON naming our 3DS Server transaction' })
  three_ds_method_data: string;

  @ApiProperty({ example: 'https://orchestrator.example.com/notifications/3ds-method/auth_…' })
  notification_url: string;

  @ApiProperty({ description: 'Report N/U when no notification came in this time', example: 10 })
  timeout_seconds: number;
}

@ApiSchema({ name: 'CollectChannelDataAction' })
export class CollectChannelDataActionDto {
  @ApiProperty({ enum: ['collect_channel_data'] })
  type: 'collect_channel_data';

  @ApiProperty({ enum: ['browser', 'merchant_initiated'] })
  channel: 'browser' | 'merchant_initiated';
}

/**
 * What a 3DS SDK needs to produce its device data (EMV createTransaction, then the
 * AuthenticationRequestParameters sent as `channel_data`).
 */
@ApiSchema({ name: 'AppCollectChannelDataAction' })
export class AppCollectChannelDataActionDto {
  @ApiProperty({ enum: ['collect_channel_data'] })
  type: 'collect_channel_data';

  @ApiProperty({ enum: ['app'] })
  channel: 'app';

  @ApiProperty({
    ...nullableString('A000000003'),
    description: "The SDK's directoryServerID: the DS's RID",
  })
  ds_id: string | null;

  @ApiProperty({ description: 'The messageVersion the SDK must use', example: '2.2.0' })
  protocol_version: string;

  @ApiProperty({
    ...nullableString(),
    description: 'DS public key (base64url JWK) to encrypt the device data',
  })
  ds_public_key: string | null;

  @ApiProperty({
    ...nullableString(),
    description: 'DS-CA root certificate (base64url DER X.509) to verify the ACS signed content',
  })
  ca_public: string | null;

  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      "Every DS-CA root (base64url DER X.509) the ACS signed content may chain to (Checkout's " +
      '`certificates.ca_public_all`); null when the provider gave none',
  })
  ca_public_all: string[] | null;

  @ApiProperty({ description: 'EMV threeDSServerTransID' })
  three_ds_server_transaction_id: string;
}

/** Post `creq` to `acs_url` in an iframe sized by the challenge window. */
@ApiSchema({ name: 'BrowserChallengeAction' })
export class BrowserChallengeActionDto {
  @ApiProperty({ enum: ['challenge'] })
  type: 'challenge';

  @ApiProperty({ enum: ['browser'] })
  channel: 'browser';

  @ApiProperty({ example: 'https://acs.example.com/challenge' })
  acs_url: string;

  @ApiProperty({ description: 'The EMV CReq, base64url' })
  creq: string;
}

/** Hand these to the 3DS SDK's challenge call. */
@ApiSchema({ name: 'AppChallengeAction' })
export class AppChallengeActionDto {
  @ApiProperty({ enum: ['challenge'] })
  type: 'challenge';

  @ApiProperty({ enum: ['app'] })
  channel: 'app';

  @ApiProperty()
  acs_transaction_id: string;

  @ApiProperty()
  acs_reference_number: string;

  @ApiProperty({ description: 'JWS from the ACS; its payload names the ACS URL' })
  acs_signed_content: string;

  @ApiProperty({ description: 'EMV threeDSServerTransID' })
  three_ds_server_transaction_id: string;

  @ApiProperty({ description: 'EMV messageVersion', example: '2.2.0' })
  protocol_version: string;
}

/** 3DS1: post `PaReq`, `TermUrl` and `MD` to `acs_url` (full-page redirect). */
@ApiSchema({ name: 'RedirectAction' })
export class RedirectActionDto {
  @ApiProperty({ enum: ['redirect'] })
  type: 'redirect';

  @ApiProperty()
  acs_url: string;

  @ApiProperty()
  pareq: string;

  @ApiProperty()
  term_url: string;

  @ApiProperty()
  md: string;
}

/** Hosted: send the cardholder's browser to the provider's page (a full-page GET). */
@ApiSchema({ name: 'RedirectCardholderAction' })
export class RedirectCardholderActionDto {
  @ApiProperty({ enum: ['redirect_cardholder'] })
  type: 'redirect_cardholder';

  @ApiProperty({ example: 'https://3ds2-sandbox.ckotech.co/interceptor/sid_…' })
  redirect_url: string;
}

export const NEXT_ACTION_MODELS = [
  ThreeDsMethodActionDto,
  CollectChannelDataActionDto,
  AppCollectChannelDataActionDto,
  BrowserChallengeActionDto,
  AppChallengeActionDto,
  RedirectActionDto,
  RedirectCardholderActionDto,
];
