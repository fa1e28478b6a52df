/**
 * Hashes of API keys that have passed the guard in this process. The rate limiter runs before
 * the guard: a request whose key is known gets the key's own bucket; any other (a new key on
 * its first request, or garbage rotated to dodge the limit) shares its client address's bucket.
 */
export class ValidatedKeys {
  private readonly hashes = new Set<string>();

  static readonly shared = new ValidatedKeys();

  add(hash: string): void {
    if (this.hashes.size >= 10_000) this.hashes.clear();
    this.hashes.add(hash);
  }

  has(hash: string): boolean {
    return this.hashes.has(hash);
  }
}
