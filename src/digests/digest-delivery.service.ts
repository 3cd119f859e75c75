import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock';
import { APP_CONFIG } from '../config';
import type { AppConfig } from '../config';
import { MailDeliveryError, MailTransport } from '../mail';
import { DeliveriesRepository, type Delivery, type DeliveryOutcome } from './deliveries.repository';
import { DeliveryBatches } from './delivery-batches';
import { DigestAssembly } from './digest-assembly';
import { MailPacer } from './mail-pacer';

const SMTP_ATTEMPTS = 4;

export class DeliveryHeldElsewhere extends Error {
  override readonly name = 'DeliveryHeldElsewhere';
}

/**
 * Sends one person's digest of one week, at most once: the delivery log row is claimed first, and a
 * settled row (sent, skipped, failed) is never sent again, whoever runs the job again and however often.
 */
@Injectable()
export class DigestDeliveryService {
  private readonly logger = new Logger(DigestDeliveryService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: DeliveriesRepository,
    private readonly batches: DeliveryBatches,
    private readonly assembly: DigestAssembly,
    private readonly mail: MailTransport,
    private readonly pacer: MailPacer,
    private readonly clock: Clock,
  ) {}

  async deliver(userId: string, week: string): Promise<Delivery> {
    const claimed = await this.batches.claim(userId, week);
    if (!claimed) {
      const existing = await this.deliveries.get(userId, week);
      // Another attempt holds it: fail this job so that the queue tries again once that one is over.
      if (existing?.status === 'queued')
        throw new DeliveryHeldElsewhere(`digest ${week} of user ${userId} is being sent by another attempt`);
      return existing!;
    }
    const user = await this.batches.user(userId);
    const skip = (reason: string) => this.settle(claimed, { status: 'skipped', reason });
    if (!user || user.status !== 'active' || !user.email) return skip('no address');
    if (!user.digestEnabled) return skip('unsubscribed');
    const digest = await this.assembly.assemble(user, week, this.clock.now());
    if (!digest) return skip('empty');

    const carried = {
      subject: digest.subject,
      suggestionIds: digest.suggestions.map((s) => s.id),
      suggestionScores: digest.suggestions.map((s) => s.score),
    };
    for (let attempt = 1; ; attempt += 1) {
      await this.pacer.wait();
      try {
        const receipt = await this.mail.send({
          to: user.email,
          subject: digest.subject,
          html: digest.html,
          text: digest.text,
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          // The same id on every attempt, so a receiving system can tell a repeat of a message that did arrive.
          messageId: `<digest.${week}.${user.id}@${new URL(this.config.publicUrl).hostname}>`,
          list: {
            unsubscribe: digest.unsubscribeApiUrl,
            id: `CityMatch weekly digest <digest.${new URL(this.config.publicUrl).hostname}>`,
          },
        });
        return this.settle(claimed, {
          status: 'sent',
          messageId: receipt.messageId,
          smtpResponse: receipt.response,
          coveredUntil: digest.coveredUntil,
          ...carried,
        });
      } catch (error) {
        const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(String(error), false, null);
        if (failure.permanent || attempt >= SMTP_ATTEMPTS) {
          this.logger.warn(`digest ${week} to user ${user.id} failed after ${attempt} attempt(s): ${failure.message}`);
          return this.settle(claimed, { status: 'failed', reason: failure.message, smtpResponse: failure.response, ...carried });
        }
        await this.deliveries.noteAttempt(claimed.id, this.clock.now());
        await sleep(this.config.mail.retryBaseMs * 2 ** (attempt - 1));
      }
    }
  }

  private settle(claimed: Delivery, outcome: DeliveryOutcome): Promise<Delivery> {
    return this.batches.settle(claimed.id, outcome);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
