interface Waiting<K, V> {
  key: K;
  resolve(value: V): void;
  reject(error: unknown): void;
}

/**
 * Gathers the calls that concurrent jobs make within one turn of the event loop (or up to `max` of
 * them) into one call for them all: one SQL statement for a batch of recipients instead of one each.
 * Jobs that started together reach each step together, so batches stay about as large as the
 * concurrency. `run` answers one value per key, in the order given; if it fails, every call fails.
 */
export class Batched<K, V> {
  private waiting: Waiting<K, V>[] = [];

  constructor(
    private readonly run: (keys: K[]) => Promise<V[]>,
    private readonly max = 100,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
      else if (this.waiting.length >= this.max) this.flush();
    });
  }

  private flush(): void {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    this.run(batch.map((call) => call.key)).then(
      (values) => batch.forEach((call, index) => call.resolve(values[index])),
      (error: unknown) => batch.forEach((call) => call.reject(error)),
    );
  }
}
