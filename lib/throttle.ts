/**
 * Slows down repeated failed sign-ins from one address: the first few failures are free,
 * then each further attempt waits twice as long as the last, up to a ceiling.
 */
export class FailureThrottle {
  private failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly free = 3,
    private readonly baseMs = 500,
    private readonly maxMs = 8000,
    private readonly forgetAfterMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long to wait before checking credentials from this address. */
  delayFor(key: string): number {
    const entry = this.failures.get(key);
    if (!entry || this.now() - entry.last > this.forgetAfterMs) return 0;
    const over = entry.count - this.free;
    return over < 0 ? 0 : Math.min(this.maxMs, this.baseMs * 2 ** over);
  }

  fail(key: string): void {
    const entry = this.failures.get(key);
    const fresh = !entry || this.now() - entry.last > this.forgetAfterMs;
    this.failures.set(key, { count: fresh ? 1 : entry.count + 1, last: this.now() });
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
