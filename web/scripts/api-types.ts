import { writeFileSync } from 'node:fs';
import { loadConfiguration } from '../../src/config/configuration';
import { createApp } from '../../src/app/create-app';
import { API_TYPES_FILE, renderApiTypes } from './openapi-types';

/** `npm run api:types`: boots the app in memory, reads its OpenAPI document and writes the web app's types. */
async function main() {
  const config = loadConfiguration({ DATA_DIR: 'memory', SEED_DEMO_DATA: 'off', FIRST_ADMIN_TOKEN: 'off', LOG_LEVEL: 'silent' });
  const app = await createApp(config);
  await app.init();
  try {
    const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
    writeFileSync(API_TYPES_FILE, await renderApiTypes(response.json()));
    console.log(`wrote ${API_TYPES_FILE}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
