import { writeFile } from 'node:fs/promises';
import { MembersImportService } from '../members';
import { requireFileArgument, runWithRegistry } from './run-with-registry';

/** npm run export -- FILE: every member in the record format, which `npm run import` reads back. */
const file = requireFileArgument('Usage: npm run export -- FILE');

runWithRegistry(async (app) => {
  const records = await app.get(MembersImportService).export();
  await writeFile(file, `${JSON.stringify(records, null, 2)}\n`);
  console.log(`${file}: ${records.length} members exported`);
  return 0;
});
