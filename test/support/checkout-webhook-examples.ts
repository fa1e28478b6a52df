import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIRECTORY = join(process.cwd(), 'contracts/checkout/webhooks');

/** One of Checkout's `authentication_*` webhook examples kept in contracts/checkout/webhooks. */
export interface CheckoutWebhookExample {
  /** The file name without `.json`, e.g. `authentication_failed.delivered`. */
  readonly name: string;
  /** Where Checkout (or a merchant, for a delivered one) published it. */
  readonly source: string;
  readonly example: {
    readonly id: string;
    readonly type: string;
    readonly data: Record<string, unknown>;
    readonly [field: string]: unknown;
  };
}

export const CHECKOUT_WEBHOOK_EXAMPLES: readonly CheckoutWebhookExample[] = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(join(DIRECTORY, file), 'utf8')) as Omit<
      CheckoutWebhookExample,
      'name'
    >),
  }));

/** Checkout's documented example of `type` (not the delivered one). */
export function documentedExample(type: string): CheckoutWebhookExample {
  const found = CHECKOUT_WEBHOOK_EXAMPLES.find((example) => example.name === type);
  if (!found) throw new Error(`no documented example of ${type}`);
  return found;
}
