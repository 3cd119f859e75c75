/**
 * A first-come, first-served lock: PGlite has one connection, so only one
 * query runner (and so one transaction) may hold it at a time.
 */
export class ConnectionLock {
  private held = false;

  /** Called when a request has waited this long: usually a query outside the transaction that holds the lock. */
  constructor(
    private readonly onLongWait?: (waitedMs: number) => void,
    private readonly longWaitMs = 10_000,
  ) {}

  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.handOver();
        });
      };
      if (!this.held) return grant();
      const warning = this.onLongWait && setTimeout(() => this.onLongWait?.(this.longWaitMs), this.longWaitMs);
      if (warning) warning.unref();
      this.waiting.push(() => {
        if (warning) clearTimeout(warning);
        grant();
      });
    });
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  private handOver(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}
