import 'reflect-metadata';
import { ConfigurationError, loadConfiguration } from './config/configuration';
import { DemoSeedService } from './members';
import { createApp } from './app/create-app';
import { describeStartupError } from './app/startup-error';

async function bootstrap() {
  const config = loadConfiguration();
  const app = await createApp(config);
  if (config.seedDemoData) await app.get(DemoSeedService).seedIfEmpty();
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : describeStartupError(error));
  process.exit(1);
});
