import type { ProviderCapabilities } from '@app/domain';

/**
 * A provider that can do everything, for specs of what routing and the flow read of
 * capabilities. Typed: a new capability must be named here.
 */
export const EVERY_CAPABILITY: ProviderCapabilities = {
  channels: ['browser', 'app', 'merchant_initiated'],
  hosted: true,
  threeDs1Fallback: true,
  checkoutPaymentSession: true,
  channelDataAfterCreate: true,
  nonPayment: true,
  idempotentCreate: true,
};
