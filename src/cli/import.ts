import { BadRequestException } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { MembersImportService } from '../members';
import { requireFileArgument, runWithRegistry } from './run-with-registry';

/** npm run import -- FILE: creates or updates members from a JSON array, all or nothing. */
const file = requireFileArgument('Usage: npm run import -- FILE   (a JSON array of member records)');

runWithRegistry(async (app) => {
  let records: unknown;
  try {
    records = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const summary = await app.get(MembersImportService).import(records);
    console.log(
      `${file}: ${summary.received} records, ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    const { message, details } = error.getResponse() as {
      message: string;
      details: Array<{ index: number; field: string; message: string }>;
    };
    console.error(`${file}: ${message}`);
    for (const detail of details) console.error(`  record ${detail.index}: ${detail.field}: ${detail.message}`);
    return 1;
  }
}, 'member');
