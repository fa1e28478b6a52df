import testCards from '../../../../contracts/checkout/test-cards.json' with { type: 'json' };

export interface DemoCard {
  readonly number: string;
  readonly scheme: string;
  readonly flow: string;
  /** EMV transStatus the card produces (Y/N/U/A/R), or a non-result case such as `ds_error`. */
  readonly outcome: string;
  readonly three_ds_method_url: boolean;
  readonly note?: string;
}

/** Checkout's sandbox test cards, as the simulator plays them (contracts/checkout). */
export const DEMO_CARDS: readonly DemoCard[] = testCards.cards.map((card) => ({
  number: card.number,
  scheme: card.scheme,
  flow: card.flow,
  outcome: card.outcome,
  three_ds_method_url: card.three_ds_method_url ?? false,
  ...('note' in card && typeof card.note === 'string' ? { note: card.note } : {}),
}));

export const CHALLENGE_PASSWORD = testCards.password_for_challenge;

/** Amount (minor units) that makes the simulator fall back to 3DS1 for any enrolled card. */
export const THREE_DS1_FALLBACK_AMOUNT = 123321;

/**
 * What a 3DS SDK would send for the app channel (EMV sdk* fields); the demo shows the answer
 * as JSON, since the challenge itself belongs to the SDK on the phone.
 */
export const SAMPLE_APP_CHANNEL_DATA = {
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
  sdk_encrypted_data:
    'eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0..demo.device.data',
  sdk_transaction_id: 'b2385523-a66c-4907-ac3c-91848e8c0067',
  sdk_interface_type: 'both',
  sdk_ui_elements: ['text', 'single_select', 'multi_select', 'oob', 'html_other'],
} as const;
