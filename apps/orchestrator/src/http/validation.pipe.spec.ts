import { inspect } from 'node:util';
import { CREATE_EXAMPLE } from '../authentications/dto/authentication.examples.js';
import { CreateAuthenticationRequestDto } from '../authentications/dto/create-authentication.request.dto.js';
import { validationPipe } from './validation.pipe.js';

const CARD = CREATE_EXAMPLE.source.number;

/** What the pipe throws for `body`: the error itself, and its answer. */
async function thrownFor(body: object): Promise<{ error: unknown; response: unknown }> {
  try {
    // A copy made in this realm (structuredClone's objects fail class-transformer's instanceof).
    const copy: unknown = JSON.parse(JSON.stringify(body));
    await validationPipe().transform(copy, {
      type: 'body',
      metatype: CreateAuthenticationRequestDto,
    });
  } catch (error) {
    return { error, response: (error as { getResponse(): unknown }).getResponse() };
  }
  throw new Error('the body was accepted');
}

describe('validationPipe', () => {
  it.each([
    ['another field is wrong', { ...CREATE_EXAMPLE, amount: -1 }],
    [
      'the card number fails its own rule',
      { ...CREATE_EXAMPLE, source: { type: 'card', number: `${CARD}0` } },
    ],
    ['the card number is sent as a key', { ...CREATE_EXAMPLE, [CARD]: CARD }],
  ])('keeps the card number off the refusal when %s', async (_case, body) => {
    const { error, response } = await thrownFor(body);
    const everything = [
      JSON.stringify(error),
      JSON.stringify(response),
      inspect(error, { depth: Infinity, showHidden: true }),
    ].join('\n');
    expect(everything).not.toContain(CARD);
  });
});
