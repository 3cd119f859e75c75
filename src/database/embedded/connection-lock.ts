/**
 * A first-come, first-served lock: PGlite has one connection, so only one
 * query runner (and so one transaction) may hold it at a time.
 */
export class ConnectionLock {
  private held = false;
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
      if (this.held) this.waiting.push(grant);
      else grant();
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
