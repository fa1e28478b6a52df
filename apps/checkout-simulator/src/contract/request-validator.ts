import { Injectable } from '@nestjs/common';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import openapi from '../../../../contracts/checkout/sessions.openapi.json' with { type: 'json' };
import { CheckoutError } from '../http/checkout-error.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;

/** Subtype schemas by discriminator value: the document's `allOf` style only checks bases otherwise. */
const SOURCE_SCHEMAS: Record<string, string> = {
  card: 'CardSource',
  id: 'IdSource',
  token: 'TokenSource',
  network_token: 'NetworkTokenSource',
};
const COMPLETION_SCHEMAS: Record<string, string> = {
  hosted: 'HostedCompletionInfo',
  non_hosted: 'NonHostedCompletionInfo',
};
const CHANNEL_SCHEMAS: Record<string, string> = {
  browser: 'Browser',
  app: 'App',
  merchant_initiated: 'MerchantInitiated',
};

/**
 * Validates request bodies against Checkout's own OpenAPI schemas and answers like Checkout:
 * 422 `unprocessable_entity` with `<field>_required` / `<field>_invalid` codes
 * (docs/checkout-sessions.md#errors).
 */
@Injectable()
export class RequestValidator {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv.addSchema(withoutStrayCommas(openapi) as typeof openapi, 'checkout');
  }

  sessionRequest(body: unknown): Json {
    const request = this.object(body);
    const codes = this.check('SessionRequest', withSpecSpelling(request));
    const source = request.source as Json | undefined;
    codes.push(...this.checkSubtype(source, 'type', SOURCE_SCHEMAS, 'source', 'card'));
    const completion = request.completion as Json | undefined;
    const completionCodes = this.checkSubtype(completion, 'type', COMPLETION_SCHEMAS, 'completion');
    // `callback_url` is optional in the current API and docs; this spec still requires it
    // (docs/checkout-sessions.md#spec-quirks).
    codes.push(...completionCodes.filter((code) => code !== 'completion_callback_url_required'));
    if (request.channel_data !== undefined) {
      codes.push(...this.channelDataCodes(request.channel_data, 'channel_data'));
    }
    codes.push(...recurrenceAmountCodes(request));
    return this.accept(request, codes);
  }

  channelData(body: unknown): Json {
    const data = this.object(body);
    return this.accept(data, this.channelDataCodes(data, ''));
  }

  threeDsMethodCompletion(body: unknown): Json {
    const data = this.object(body);
    return this.accept(data, this.check('ThreeDsMethodCompletion', data));
  }

  private channelDataCodes(data: unknown, prefix: string): string[] {
    const codes = this.check('ChannelData', data, prefix);
    return [...codes, ...this.checkSubtype(data as Json, 'channel', CHANNEL_SCHEMAS, prefix)];
  }

  private checkSubtype(
    value: Json | undefined,
    discriminator: string,
    schemas: Record<string, string>,
    prefix: string,
    fallback?: string,
  ): string[] {
    if (value === undefined || typeof value !== 'object' || value === null) return [];
    const kind = (value[discriminator] as string | undefined) ?? fallback;
    const schema = kind === undefined ? undefined : schemas[kind];
    if (!schema) return [join(prefix, `${discriminator}_invalid`)];
    return this.check(schema, value, prefix);
  }

  private check(schema: string, value: unknown, prefix = ''): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.getSchema(`checkout#/components/schemas/${schema}`)!;
      this.compiled.set(schema, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((error) => codeFor(error, prefix));
  }

  private object(body: unknown): Json {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw CheckoutError.unprocessable(['request_body_invalid']);
    }
    return body as Json;
  }

  private accept(body: Json, codes: string[]): Json {
    if (codes.length > 0) {
      throw CheckoutError.unprocessable([...new Set(codes)]);
    }
    return body;
  }
}

/**
 * "For `recurring` and `installment` payment types, this value is required and must be greater
 * than zero" (the reference's `amount`); the schema cannot say so, and the codes follow the
 * generic `<field>_required` / `<field>_invalid` pattern (docs/checkout-sessions.md#errors).
 */
function recurrenceAmountCodes(request: Json): string[] {
  if (!['recurring', 'installment'].includes(request.authentication_type as string)) return [];
  if (request.amount === undefined) return ['amount_required'];
  return request.amount === 0 ? ['amount_invalid'] : [];
}

/**
 * The document's `account_info` enums carry stray commas (`"no_account,"`); Checkout and its SDKs
 * use the values without them (docs/checkout-sessions.md#spec-quirks).
 */
function withoutStrayCommas(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutStrayCommas);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'enum' && Array.isArray(value)
        ? value.map((item: unknown) => (typeof item === 'string' ? item.replace(/,$/, '') : item))
        : withoutStrayCommas(value),
    ]),
  );
}

/**
 * `quasi_card_transaction` is what current SDKs send; the spec spells it `quashi_`
 * (docs/checkout-sessions.md#spec-quirks).
 */
function withSpecSpelling(request: Json): Json {
  return request.transaction_type === 'quasi_card_transaction'
    ? { ...request, transaction_type: 'quashi_card_transaction' }
    : request;
}

function codeFor(error: ErrorObject, prefix: string): string {
  const path = error.instancePath
    .split('/')
    .filter((part) => part && !/^\d+$/.test(part))
    .join('_');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return join(prefix, join(path, `${missing}_required`));
  }
  return join(prefix, `${path || 'request'}_invalid`);
}

const join = (prefix: string, rest: string): string => (prefix ? `${prefix}_${rest}` : rest);
