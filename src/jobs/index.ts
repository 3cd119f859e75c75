// The job queue's public face: other features import only what is exported here.
export { JobsModule } from './jobs.module';
export { JobQueue, type BulkJob, type EnqueueOptions, type QueueStatus } from './job-queue';
export { JobHandlers, type JobHandler } from './job-handlers';
export { recordJob, recordMemberChange } from './outbox/outbox';
export { mountQueueDashboard } from './dashboard/queue-dashboard';
export {
  JOB_NAMES,
  BALANCE_SCHEDULER,
  DIGESTS_TICK_SCHEDULER,
  DORMANCY_SCHEDULER,
  NIGHTLY_RECOMPUTE_SCHEDULER,
  type JobName,
  type JobPayloads,
} from './job-names';
