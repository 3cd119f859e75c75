import 'reflect-metadata';
import { ConfigurationError, loadConfiguration } from './config';
import { seedNewDatabaseApart } from './app/first-start-seed';
import { describeStartupError } from './app/startup-error';

async function bootstrap() {
  const config = loadConfiguration();
  // A first start creates and seeds the embedded database in a child process while this one loads the app.
  const [{ startApi }] = await Promise.all([import('./app/start-api'), seedNewDatabaseApart(config)]);
  await startApi(config);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : describeStartupError(error));
  process.exit(1);
});
