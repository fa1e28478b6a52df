/**
 * OAuth token acquisition and the typed client for Checkout.com's standalone Sessions API
 * (wire types in Checkout's own snake_case).
 */
export {
  CheckoutClientModule,
  type CheckoutClientModuleOptions,
} from './checkout-client.module.js';
export { CheckoutClientOptions } from './checkout-client.options.js';
export {
  CHECKOUT_OPERATIONS,
  type CheckoutCallObserver,
  type CheckoutExchangeFailure,
  type CheckoutExchangeObservation,
  type CheckoutOperation,
} from './checkout-call.observer.js';
export { CheckoutSessionsClient, type CreatedSession } from './checkout-sessions.client.js';
export * from './checkout.wire.js';
export { SESSION_CHANNELS, sessionScopes, type SessionChannel } from './session-scopes.js';
export { OAuthTokenProvider } from './oauth-token.provider.js';
export {
  CHECKOUT_WEBHOOK_TYPES,
  isKnownWebhookType,
  parseCheckoutWebhook,
  type CheckoutWebhookEvent,
  type CheckoutWebhookType,
} from './checkout-webhook.js';
