import { Logger } from '@nestjs/common';
import { FirstSignInLinks } from '../auth/sign-in/first-sign-in-links';
import { FirstAdminToken } from '../auth/tokens/first-admin-token';
import type { AppConfig } from '../config';
import { DemoSeedService } from '../members';
import { DemoPartnershipsService } from '../partnerships';
import { SuggestionsService } from '../suggestions';
import { DemoUsersService } from '../users';
import { createApp } from './create-app';

/** The API entry's work once the configuration is read: the app, the demo data it lacks, and the first start's banner. */
export async function startApi(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  if (config.seedDemoData) {
    await app.get(DemoSeedService).seedIfEmpty();
    await app.get(DemoUsersService).seedIfEmpty();
    await app.get(DemoPartnershipsService).seedIfNone();
  }
  await app.listen(config.http.port, config.http.host);
  // In the background: the first requests share this load rather than each wait for one of their own.
  app
    .get(SuggestionsService)
    .warmUp()
    .catch((error: unknown) => new Logger('Startup').warn(`suggestions were not loaded ahead: ${(error as Error).message}`));
  // The first start's banner comes last, after the start-up log lines (the token is made during listen).
  const firstAdminToken = app.get(FirstAdminToken);
  if (firstAdminToken.createdThisStart) {
    firstAdminToken.print();
    await app.get(FirstSignInLinks).print();
  }
}
