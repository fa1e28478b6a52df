import type { SecretBox } from '../../security/secret-box.js';
import { SESSION_SECRET_FIELD } from '../provider-fields.js';

/** An app's session secret is kept with the key's answer only encrypted (never in clear at rest). */
export function sealAnswer(body: object, secrets: SecretBox): object {
  const secret = (body as Record<string, unknown>)[SESSION_SECRET_FIELD];
  return typeof secret === 'string'
    ? { ...body, [SESSION_SECRET_FIELD]: { sealed: secrets.encrypt(secret) } }
    : body;
}

export function unsealAnswer(body: object, secrets: SecretBox): object {
  const secret = (body as Record<string, { sealed?: unknown } | undefined>)[SESSION_SECRET_FIELD];
  return typeof secret?.sealed === 'string'
    ? { ...body, [SESSION_SECRET_FIELD]: secrets.decrypt(secret.sealed) }
    : body;
}
