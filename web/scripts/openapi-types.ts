import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const API_TYPES_FILE = `${__dirname}/../src/api/schema.d.ts`;

/** The web app's API types, rendered from the server's OpenAPI document (`npm run api:types`). */
export async function renderApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${COMMENT_HEADER}// Regenerate with \`npm run api:types\`; a test fails when this file and the server disagree.\n\n${astToString(ast)}`;
}
