import { isReturnUrl } from './hosted.request.dto.js';

describe('isReturnUrl', () => {
  it.each([
    'https://shop.example/3ds/success',
    'http://127.0.0.1:8080/3ds',
    'http://localhost/3ds',
    'http://[::1]:3000/3ds',
  ])('takes %s', (url) => {
    expect(isReturnUrl(url)).toBe(true);
  });

  it.each([
    'http://shop.example/3ds',
    'http://127.0.0.1.nip.io/3ds',
    'https://user:secret@shop.example/3ds',
    'javascript:alert(1)',
    '/relative',
    'ftp://shop.example/3ds',
  ])('refuses %s', (url) => {
    expect(isReturnUrl(url)).toBe(false);
  });
});
