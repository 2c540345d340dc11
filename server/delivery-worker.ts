import type { Database } from "better-sqlite3";
import { claimDue, requeueInterrupted, settle, type Delivery } from "../db/subscribers";

export type Sender = (d: Delivery, signal: AbortSignal) => Promise<void>;

/**
 * Drains the delivery queue in the background. Each subscriber has at most one send in flight (see
 * claimDue), each cut off after `timeoutMs`, and a finished send makes room for the next at once; so
 * a receiver that hangs delays only its own notifications, never another's, and publishing only ever
 * writes rows to the queue.
 */
export class DeliveryWorker {
  private readonly sending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  peakInFlight = 0;

  constructor(
    private readonly db: Database,
    private readonly senders: Record<string, Sender>,
    private readonly opts = { concurrency: 128, timeoutMs: 5000, intervalMs: 250 },
  ) {}

  start(): this {
    requeueInterrupted(this.db);
    this.timer = setInterval(() => this.tick(), this.opts.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops taking new work and waits for the sends in flight (each ends within its timeout). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.sending]);
  }

  get busy(): number {
    return this.sending.size;
  }

  /** Starts as many due deliveries as there is room for (also called when something was queued or finished). */
  tick(): void {
    if (!this.timer) return;
    for (const d of claimDue(this.db, this.opts.concurrency - this.sending.size)) {
      const send = this.senders[d.kind];
      const attempt = send ? send(d, AbortSignal.timeout(this.opts.timeoutMs)) : Promise.reject(new Error(`no ${d.kind} sender configured`));
      const done: Promise<void> = attempt
        .then(() => settle(this.db, d, null), (err: Error) => settle(this.db, d, err.name === "TimeoutError" ? `no answer within ${this.opts.timeoutMs} ms` : err.message))
        .finally(() => {
          this.sending.delete(done);
          this.tick();
        });
      this.sending.add(done);
      this.peakInFlight = Math.max(this.peakInFlight, this.sending.size);
    }
  }
}
