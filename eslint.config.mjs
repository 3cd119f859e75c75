// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Frameworks and drivers: the matching library is plain TypeScript over plain data. */
const INFRASTRUCTURE = [
  '@nestjs/*',
  'typeorm',
  'typeorm-*',
  'bullmq',
  'ioredis',
  'pg',
  '@electric-sql/*',
  'class-validator',
  'class-transformer',
];

/**
 * Feature folders of src/ with a public face (index.ts): another folder imports one only through its
 * index.ts or its *.module.ts, never its internals. A new feature module adds its folder here.
 */
const FEATURES = [
  'clock',
  'config',
  'jobs',
  'mail',
  'members',
  'suggestions',
  'users',
  'digests',
  'partnerships',
  'notifications',
  'web-app',
];

const throughPublicFace = (feature) => ({
  group: [`**/${feature}/*`, `!**/${feature}/index`, `!**/${feature}/*.module`],
  message: `import ${feature} through its index.ts (or ${feature}.module.ts), not its internals`,
});

/** One block per feature (it may import its own internals), and one for every other file of src/. */
const FEATURE_BOUNDARIES = [
  {
    files: ['src/**/*.ts'],
    // npm run match runs without Nest: it loads the member validators alone, not the members module.
    ignores: [...FEATURES.map((feature) => `src/${feature}/**`), 'src/cli/match-run.ts', 'src/cli/match-check.ts', 'src/cli/match.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: FEATURES.map(throughPublicFace) }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: FEATURES.filter((other) => other !== feature).map(throughPublicFace) }] },
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      'coverage/',
      'node_modules/',
      'web/dist/',
      'web/test-results/',
      'web/playwright-report/',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Nest reads constructor parameter types at run time: a type-only import would erase the injected class.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  ...FEATURE_BOUNDARIES,
  {
    files: ['libs/matching/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: INFRASTRUCTURE, message: 'libs/matching stays free of frameworks and drivers: keep this in src/.' },
            { group: ['**/src/*', '../../../src/**'], message: 'libs/matching must not import the application.' },
          ],
        },
      ],
    },
  },
  {
    // The WebAssembly emitter is written as a stack program: `get(a), get(b), op(ADD)` reads as the instructions.
    files: ['libs/matching/src/kernel/wasm-filter.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/matching/test-support/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
