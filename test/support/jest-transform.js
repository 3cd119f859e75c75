/**
 * Jest transform: TypeScript through swc, and the ES-module-only packages (NestJS 12 and several of
 * its dependencies) down to CommonJS, because jest on Node 20 cannot require an ES module.
 * CommonJS files in node_modules pass through untouched.
 */
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
});

const ES_MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s*[\w{*]|import\.meta)/m;

module.exports = {
  ...swc,
  process(source, path, options) {
    if (path.includes('/node_modules/') && !path.endsWith('.mjs') && !ES_MODULE_SYNTAX.test(source)) {
      return { code: source };
    }
    return swc.process(source, path, options);
  },
  getCacheKey(source, path, options) {
    return `${swc.getCacheKey(source, path, options)}:esm-aware-1`;
  },
};
