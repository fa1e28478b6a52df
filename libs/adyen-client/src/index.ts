/**
 * The typed client for Adyen's standalone 3-D Secure authentication: Adyen's Node library over
 * our transport, and checkoutshopper's fingerprint call (docs/adyen-adapter.md#6-transport).
 */
export { AdyenAuthenticationClient } from './adyen-authentication.client.js';
export { AdyenClientModule, type AdyenClientModuleOptions } from './adyen-client.module.js';
export { AdyenClientOptions } from './adyen-client.options.js';
export {
  ADYEN_OPERATIONS,
  type AdyenCallObserver,
  type AdyenExchangeFailure,
  type AdyenExchangeObservation,
  type AdyenOperation,
} from './adyen-call.observer.js';
export type {
  AdyenAuthenticationRequest,
  AdyenFingerprintAnswer,
  AdyenFingerprintSubmission,
  AdyenPaymentDetailsRequest,
  AdyenPaymentDetailsResponse,
  AdyenPaymentRequest,
  AdyenPaymentResponse,
  AdyenThreeDS2Action,
  AdyenThreeDS2ResultResponse,
} from './adyen.wire.js';
export {
  adyenNotificationSigned,
  parseAdyenNotification,
  type AdyenNotificationItem,
} from './adyen-notification.js';
