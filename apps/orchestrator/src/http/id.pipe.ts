import {
  AuthenticationNotFoundError,
  ClaimNotFoundError,
  EndpointNotFoundError,
  EventNotFoundError,
} from '@app/domain';
import { Injectable, type PipeTransform } from '@nestjs/common';

/** Our ids: a prefix and 26 base32 characters. Anything else cannot exist, so no query runs. */
const ID_SHAPE = {
  auth: {
    pattern: /^auth_[a-z2-7]{26}$/,
    missing: (id: string) => new AuthenticationNotFoundError(id),
  },
  msg: { pattern: /^msg_[a-z2-7]{26}$/, missing: (id: string) => new EventNotFoundError(id) },
  ep: { pattern: /^ep_[a-z2-7]{26}$/, missing: (id: string) => new EndpointNotFoundError(id) },
  clm: { pattern: /^clm_[a-z2-7]{26}$/, missing: (id: string) => new ClaimNotFoundError(id) },
} as const;

export const isAuthenticationId = (value: string): boolean => ID_SHAPE.auth.pattern.test(value);

/**
 * `@Param('id', new IdPipe('auth'))`: an id of the wrong shape answers 404 like any unknown id,
 * without reaching the database (a NUL byte in it would otherwise fail the query with a 500).
 * The refused value is not echoed.
 */
@Injectable()
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly kind: keyof typeof ID_SHAPE) {}

  transform(value: unknown): string {
    const shape = ID_SHAPE[this.kind];
    if (typeof value === 'string' && shape.pattern.test(value)) return value;
    throw shape.missing('(malformed)');
  }
}
