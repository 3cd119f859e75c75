import { DemoSeedService } from '../members';
import { DemoUsersService } from '../users';
import { runWithRegistry } from './run-with-registry';

/** npm run seed: adds the GeoNames demo members the network lacks, and their demo people; a member that exists is never changed. */
runWithRegistry(async (app) => {
  const { created, unchanged, keptAsChanged } = await app.get(DemoSeedService).seed();
  console.log(`demo members: ${created} created, ${unchanged} already present and unchanged`);
  if (keptAsChanged.length > 0) {
    const shown = keptAsChanged.slice(0, 20).join(', ');
    const more = keptAsChanged.length > 20 ? ` and ${keptAsChanged.length - 20} more` : '';
    console.log(`skipped ${keptAsChanged.length} demo member(s) changed since seeding, left as they are: ${shown}${more}`);
  }
  console.log(`demo people: ${await app.get(DemoUsersService).seed()} added`);
  return 0;
}, 'member');
