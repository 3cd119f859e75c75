import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../jobs';
import { DigestDeliveryService } from './digest-delivery.service';
import { DigestScheduler } from './digest-scheduler';

/** The digest jobs: the tick fans out, each send delivers one person's week. */
@Injectable()
export class DigestsProcessor implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly scheduler: DigestScheduler,
    private readonly delivery: DigestDeliveryService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('digests.tick', () => this.scheduler.tick());
    // The job keeps the outcome only: the delivery log has the rest (and a smaller job in Redis per recipient).
    this.handlers.register('digests.send', async ({ userId, week }) => {
      const { status, reason } = await this.delivery.deliver(userId, week);
      return { status, reason };
    });
  }
}
