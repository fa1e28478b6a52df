import { orchestratorSources } from '../support/room-directions.js';

/**
 * docs/design.md#rooms: the flow names no provider, and the team API names Checkout only in the
 * fields it has always named for Checkout and in the `checkout` result format.
 */
describe('provider-neutral rooms', () => {
  const naming = (room: string) =>
    [...orchestratorSources(process.cwd())]
      .filter(([path, text]) => path.startsWith(`${room}/`) && /checkout/i.test(text))
      .map(([path]) => path)
      .sort();

  it('finds no provider named in flow/', () => {
    expect(naming('flow')).toEqual([]);
  });

  it("finds Checkout in authentications/ only where the API's fields and formats are its", () => {
    expect(naming('authentications')).toEqual([
      'authentications/dto/authentication.examples.ts',
      'authentications/dto/authentication.response.dto.ts',
      'authentications/dto/next-action.response.dto.ts',
      'authentications/dto/psp-result.response.dto.ts',
      'authentications/dto/result.response.dto.ts',
      'authentications/provider-fields.ts',
    ]);
  });
});
