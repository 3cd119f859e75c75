import 'reflect-metadata';
import { ConfigurationError, loadConfiguration } from './config';
import { FirstSignInLinks } from './auth/sign-in/first-sign-in-links';
import { FirstAdminToken } from './auth/tokens/first-admin-token';
import { DemoSeedService } from './members';
import { DemoPartnershipsService } from './partnerships';
import { DemoUsersService } from './users';
import { createApp } from './app/create-app';
import { describeStartupError } from './app/startup-error';

async function bootstrap() {
  const config = loadConfiguration();
  const app = await createApp(config);
  if (config.seedDemoData) {
    await app.get(DemoSeedService).seedIfEmpty();
    await app.get(DemoUsersService).seedIfEmpty();
    await app.get(DemoPartnershipsService).seedIfNone();
  }
  await app.listen(config.http.port, config.http.host);
  // The first start's banner comes last, after the start-up log lines (the token is made during listen).
  const firstAdminToken = app.get(FirstAdminToken);
  if (firstAdminToken.createdThisStart) {
    firstAdminToken.print();
    await app.get(FirstSignInLinks).print();
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : describeStartupError(error));
  process.exit(1);
});
