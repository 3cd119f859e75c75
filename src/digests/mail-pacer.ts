import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config';
import type { AppConfig } from '../config';

/**
 * Spaces this process's messages to MAIL_MAX_PER_SECOND. With several worker processes, each keeps
 * the pace on its own: set the limit to the provider's divided by the number of workers.
 */
@Injectable()
export class MailPacer {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.intervalMs = 1000 / config.mail.maxPerSecond;
  }

  async wait(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
