import { Ajv } from 'ajv';
import adyenMpiData from '../../contracts/psp/adyen-mpi-data.schema.json' with { type: 'json' };
import adyenThreeDs2Result from '../../contracts/psp/adyen-three-ds2-result.schema.json' with { type: 'json' };
import stripeThreeDSecure from '../../contracts/psp/stripe-three-d-secure.schema.json' with { type: 'json' };

// `source` and `retrieved` are our annotations beside each schema's $comment.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(stripeThreeDSecure).addSchema(adyenMpiData).addSchema(adyenThreeDs2Result);

type Json = Record<string, unknown>;

const violationsOf = (id: string, body: unknown): string[] => {
  const validate = ajv.getSchema(id)!;
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${id}${e.instancePath} ${e.message ?? ''}`);
};

/**
 * Violations of a `format=stripe` or `format=adyen` body against the PSP's documented schema
 * (contracts/psp); [] when every field is one the PSP defines, with a value it accepts.
 */
export function pspViolations(format: 'stripe' | 'adyen', body: Json): string[] {
  if (format === 'stripe') {
    const { payment_method_options: options, ...rest } = body as {
      payment_method_options?: { card?: Json };
    };
    const { three_d_secure: threeDSecure, network, ...other } = options?.card ?? {};
    return [
      ...Object.keys(rest).map((field) => `stripe: unexpected ${field}`),
      ...Object.keys(other).map((field) => `stripe card: unexpected ${field}`),
      ...(network !== undefined && network !== 'cartes_bancaires'
        ? [`stripe card.network ${JSON.stringify(network)}`]
        : []),
      ...violationsOf('stripe-three-d-secure', threeDSecure),
    ];
  }
  const { mpiData, threeDS2Result, ...rest } = body;
  return [
    ...Object.keys(rest).map((field) => `adyen: unexpected ${field}`),
    ...violationsOf('adyen-mpi-data', mpiData),
    ...(threeDS2Result === undefined ? [] : violationsOf('adyen-three-ds2-result', threeDS2Result)),
  ];
}

/** A result read in every format (Orchestration.resultsInEveryFormat). */
interface EveryFormat {
  readonly checkout: unknown;
  readonly stripe: Json;
  readonly adyen: Json;
}

/**
 * What is wrong with a result's PSP formats: Checkout's `3ds` block must name the session, and
 * Stripe's and Adyen's bodies must hold only what their schemas document. [] when all is right.
 */
export function formatViolations(results: EveryFormat, checkoutSessionId: string): string[] {
  const checkout = { '3ds': { enabled: true, authentication_id: checkoutSessionId } };
  return [
    ...(JSON.stringify(results.checkout) === JSON.stringify(checkout)
      ? []
      : [`checkout: ${JSON.stringify(results.checkout)}`]),
    ...pspViolations('stripe', results.stripe),
    ...pspViolations('adyen', results.adyen),
  ];
}
