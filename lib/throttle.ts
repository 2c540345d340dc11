/**
 * Limits sign-in attempts per key (an account, or an address when it is known). Every attempt is
 * counted the moment it arrives, before any password is checked, so guesses sent in parallel are
 * counted as surely as guesses sent one after another. The first `free` attempts in a window are
 * checked at once; after that each attempt must come at least `base × 2^(attempts − free)` after
 * the previous one (up to a ceiling). Attempts that come too early are refused outright — never
 * made to wait, so a refused client holds no connection open and delays nobody else — and still
 * count, so hammering keeps the key closed instead of slipping a guess in whenever it reopens.
 */
export class AttemptThrottle {
  private entries = new Map<string, { count: number; last: number; nextAt: number }>();

  constructor(
    private readonly free = 5,
    private readonly baseMs = 1000,
    private readonly maxMs = 15 * 60_000,
    private readonly forgetAfterMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts an attempt under every key: null if it may be checked now, else how many ms until one may. */
  begin(keys: readonly string[]): number | null {
    const now = this.now();
    const wait = Math.max(0, ...keys.map((k) => (this.live(k, now)?.nextAt ?? 0) - now));
    for (const key of keys) {
      const e = this.live(key, now) ?? { count: 0, last: now, nextAt: 0 };
      e.count += 1;
      e.last = now;
      const over = e.count - this.free;
      if (over >= 0) e.nextAt = Math.max(e.nextAt, now + Math.min(this.maxMs, this.baseMs * 2 ** Math.min(over, 30)));
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return wait > 0 ? wait : null;
  }

  /** A successful sign-in clears the count for these keys. */
  succeed(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  private live(key: string, now: number) {
    const e = this.entries.get(key);
    if (e && now - e.last > this.forgetAfterMs && now >= e.nextAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}

/**
 * The client's address from X-Forwarded-For, when `trustedHops` proxies we run are in front (each
 * appends the address it saw); null otherwise, because without a proxy the header is whatever the
 * client chose to send.
 */
export function forwardedClient(header: string | null | undefined, trustedHops: number): string | null {
  if (!trustedHops || !header) return null;
  const hops = header.split(",").map((s) => s.trim()).filter(Boolean);
  return hops.length >= trustedHops ? hops[hops.length - trustedHops] : null;
}
