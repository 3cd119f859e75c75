import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadConfiguration } from './config';
import { describeStartupError } from './app/startup-error';
import { WorkerModule } from './app/worker.module';
import { createLogger, PinoNestLogger } from './app/logging';

/** `npm run start:worker`: one more process sharing the queues; run as many as the load needs. */
async function bootstrap() {
  const config = loadConfiguration();
  if (config.queue.kind !== 'bullmq') {
    throw new ConfigurationError('A worker process needs REDIS_URL and DATABASE_URL; the embedded stack runs jobs inside the API process');
  }
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ ...config, workers: { ...config.workers, inline: true } }),
    { bufferLogs: true, abortOnError: false, autoFlushLogs: false },
  );
  app.useLogger(new PinoNestLogger(createLogger(config)));
  app.flushLogs();
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : describeStartupError(error));
  process.exit(1);
});
