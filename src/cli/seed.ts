import { DemoSeedService } from '../members';
import { runWithRegistry } from './run-with-registry';

/** npm run seed: loads (or refreshes) the GeoNames demo members; members of your own are kept. */
runWithRegistry(async (app) => {
  const summary = await app.get(DemoSeedService).seed();
  console.log(
    `demo members: ${summary.received} loaded, ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`,
  );
  return 0;
});
