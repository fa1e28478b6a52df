const KIB = 1024;

/** The largest body any route accepts (Fastify refuses anything bigger before our hooks). */
export const MAX_BODY_BYTES = 64 * KIB;

/**
 * What each route really needs. App channel data carries the 3DS SDK's encrypted device data
 * (a JWE of a few KiB); 3DS1 posts a deflated PaRes; everything else is small.
 */
const BODY_LIMITS: Readonly<Record<string, number>> = {
  'POST /v1/authentications': 32 * KIB,
  'POST /v1/authentications/:id/step-up': 32 * KIB,
  'POST /v1/authentications/:id/channel-data': 64 * KIB,
  'POST /v1/authentications/:id/issuer-fingerprint': 1 * KIB,
  'POST /v1/webhook-endpoints': 4 * KIB,
  'PATCH /v1/webhook-endpoints/:id': 1 * KIB,
  'POST /v1/events/:id/resend': 1 * KIB,
  'POST /callbacks/checkout/:id/:token': 16 * KIB,
  'POST /webhooks/checkout': 64 * KIB,
  // Adyen batches items per merchant account; each is well under 1 KiB.
  'POST /webhooks/adyen': 64 * KIB,
  'POST /notifications/3ds-method/:id': 8 * KIB,
  'POST /notifications/challenge/:id': 32 * KIB,
};
const DEFAULT_LIMIT = 4 * KIB;

export function bodyLimitOf(method: string, route: string): number {
  return BODY_LIMITS[`${method} ${route}`] ?? DEFAULT_LIMIT;
}
