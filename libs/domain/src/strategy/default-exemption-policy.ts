import type { ExemptionPolicy } from './exemption-policy.js';

/**
 * The policy a team gets by naming `default` (docs/exemption-policy.md#the-default-policy): the
 * PSD2 exemptions where the regulation allows them, in EUR only (limits in other currencies are
 * the team's call), and a mandate where a challenge is due anyway.
 */
export const DEFAULT_EXEMPTION_POLICY: ExemptionPolicy = {
  version: 'default-2026-12',
  rules: [
    // 3RI: no cardholder to challenge, and SCA does not apply to a merchant-initiated payment.
    {
      name: 'merchant_initiated',
      when: { channels: ['merchant_initiated'] },
      challenge_indicator: 'no_preference',
    },
    // Setting up a recurring or instalment payment, or storing a card, needs SCA: asking for the
    // challenge (EMV 04) avoids a frictionless answer the issuer may later soft-decline.
    {
      name: 'mandate_setup',
      when: { authentication_types: ['recurring', 'installment', 'add_card', 'maintain_card'] },
      challenge_indicator: 'challenge_requested_mandate',
    },
    // PSD2 RTS Art. 16: a remote payment of at most EUR 30.
    {
      name: 'low_value',
      when: { currencies: ['EUR'], min_amount: 1, max_amount: 3_000 },
      challenge_indicator: 'low_value',
    },
    // PSD2 RTS Art. 18: up to EUR 250 at the middle fraud-rate band, only when the merchant sees
    // nothing risky (no gift cards, no suspicious account activity).
    {
      name: 'transaction_risk_analysis',
      when: {
        currencies: ['EUR'],
        min_amount: 1,
        max_amount: 25_000,
        merchant_risk: { gift_card: false, suspicious_account_activity: false },
      },
      challenge_indicator: 'transaction_risk_assessment',
    },
  ],
  otherwise: 'no_preference',
};
