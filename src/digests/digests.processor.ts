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
    this.handlers.register('digests.send', ({ userId, week }) => this.delivery.deliver(userId, week));
  }
}
