/**
 * OAuth token acquisition and the typed client for Checkout.com's standalone Sessions API
 * (wire types in Checkout's own snake_case).
 */
export {};
