/**
 * Fields of the team API that carry the provider's own values. They were named for Checkout
 * when the API was (v1), and teams read them by these names: the one place the API's code names
 * Checkout, besides the DTOs that document these fields and the `checkout` result format
 * (docs/design.md#rooms).
 */
export const SESSION_ID_FIELD = 'checkout_session_id';
/** For an app's 3DS SDK, in the create's answer only: kept sealed with the Idempotency-Key. */
export const SESSION_SECRET_FIELD = 'checkout_session_secret';
