/**
 * The app channel's device data as a generic EMVCo 3DS SDK sends it (EMV sdk* fields); the SDK
 * makes a new `sdkTransactionId` for every transaction.
 */
export function appSdkChannelData(
  sdkTransactionId = 'b2385523-a66c-4907-ac3c-91848e8c0067',
): Record<string, unknown> {
  return {
    channel: 'app',
    sdk_app_id: 'dbd64fcb-c19a-4728-8849-e3d50bfdde39',
    sdk_max_timeout: 5,
    sdk_ephem_pub_key: {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    },
    sdk_reference_number: '3DS_LOA_SDK_PPFU_020100_00007',
    sdk_encrypted_data: 'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0..x.y.z',
    sdk_transaction_id: sdkTransactionId,
    sdk_interface_type: 'both',
    sdk_ui_elements: ['text', 'single_select', 'multi_select', 'oob', 'html_other'],
  };
}

/** What a 3DS SDK's doChallenge needs (EMV ChallengeParameters) plus the SDK's own ids. */
export interface AppChallenge {
  readonly signedContent: string;
  readonly acsTransactionId: string;
  readonly threeDsServerTransactionId: string;
  readonly sdkTransactionId: string;
  readonly messageVersion: string;
}

export interface AcsAnswer {
  readonly status: number;
  /** The CRes or Erro message. */
  readonly body: Record<string, unknown>;
}

/** The ACS URL from the JWS payload of `acs.signed_content` (EMV acsURL). */
export function acsUrlOf(signedContent: string): string {
  const [, payload] = signedContent.split('.');
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { acsURL: string })
    .acsURL;
}

/** Posts one CReq (in clear, as the simulator's ACS takes them) with `fields` added. */
export async function sendCreq(
  challenge: AppChallenge,
  fields: Record<string, unknown> = {},
): Promise<AcsAnswer> {
  const response = await fetch(acsUrlOf(challenge.signedContent), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messageType: 'CReq',
      messageVersion: challenge.messageVersion,
      threeDSServerTransID: challenge.threeDsServerTransactionId,
      acsTransID: challenge.acsTransactionId,
      sdkTransID: challenge.sdkTransactionId,
      ...fields,
    }),
    signal: AbortSignal.timeout(5_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * Plays the SDK through a challenge: the first CReq opens the screen, the second answers it
 * with the one-time code or cancels (EMV challengeCancel 01, cardholder). Returns the final CRes.
 */
export async function completeAppChallenge(
  challenge: AppChallenge,
  answer: { code: string } | 'cancel',
): Promise<AcsAnswer> {
  const screen = await sendCreq(challenge, { sdkCounterStoA: '000' });
  if (screen.status !== 200 || screen.body.challengeCompletionInd !== 'N') {
    throw new Error(`the ACS did not open a challenge: ${JSON.stringify(screen.body)}`);
  }
  return sendCreq(
    challenge,
    answer === 'cancel'
      ? { sdkCounterStoA: '001', challengeCancel: '01' }
      : { sdkCounterStoA: '001', challengeDataEntry: answer.code },
  );
}
