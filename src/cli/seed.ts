import { DemoSeedService } from '../members';
import { DemoUsersService } from '../users';
import { runWithRegistry } from './run-with-registry';

/** npm run seed: loads (or refreshes) the GeoNames demo members and their demo people; members of your own are kept. */
runWithRegistry(async (app) => {
  const summary = await app.get(DemoSeedService).seed();
  console.log(
    `demo members: ${summary.received} loaded, ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`,
  );
  console.log(`demo people: ${await app.get(DemoUsersService).seed()} added`);
  return 0;
});
