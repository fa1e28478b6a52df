/**
 * `Retry-After: 120` or `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT` → seconds from now
 * (RFC 9110 §10.2.3: delay-seconds or an HTTP date); undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
