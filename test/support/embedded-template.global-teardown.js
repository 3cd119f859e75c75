/** Jest global tear-down: removes the migrated copy the global set-up made. */
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');

module.exports = async function removeEmbeddedTemplate() {
  const path = process.env.CITYMATCH_TEST_PGLITE_TEMPLATE;
  if (path && path.includes('citymatch-template-')) rmSync(dirname(path), { recursive: true, force: true });
};
