/**
 * Writes a migrated, empty embedded database as a PGlite dump to the path given as the first
 * argument. Run by the jest global set-up (embedded-template.global-setup.js) once per test run.
 */
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { getPGliteInstance } from 'typeorm-pglite';
import { dataSourceOptions } from '../../src/database/data-source-options';

async function main(outputPath: string) {
  const dataSource = new DataSource(dataSourceOptions({ kind: 'embedded', dataDir: null }));
  await dataSource.initialize();
  const dump = await (await getPGliteInstance()).dumpDataDir('none');
  writeFileSync(outputPath, Buffer.from(await dump.arrayBuffer()));
  await dataSource.destroy();
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
