import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformFile } from '@swc/core';

export type Runtime = 'compiled' | 'source';

/** How to run the app's entry points (and the benchmark's own child scripts) as node processes. */
export interface AppBuild {
  runtime: Runtime;
  /** Node arguments that run `path` (a .ts file relative to the repository root), e.g. 'src/worker.ts'. */
  script(path: string): string[];
  dispose(): void;
}

const ROOT = resolve(__dirname, '../../..');

/** The node options the API runs with in production: those of `npm run start:prod`. */
export function apiNodeOptions(): string[] {
  const startProd: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['start:prod'];
  const options = /^node((?: --\S+)*) dist\/src\/main\.js$/.exec(startProd);
  if (!options) throw new Error(`start:prod is not "node [options] dist/src/main.js": ${startProd}`);
  return options[1].split(' ').filter(Boolean);
}

/**
 * `compiled` (default): src/, libs/ and these helpers compiled with swc as `nest build` does, into a
 * private directory under node_modules/.cache (so packages resolve as usual). The checkout's dist/ is
 * left alone, the code measured is the current one, and matching threads start from plain
 * JavaScript, as in production: a thread started under @swc-node/register loads the compiler again,
 * which costs about half a second per thread on this machine.
 *
 * One difference from `nest build`: class fields are defined (useDefineForClassFields, as under
 * @swc-node/register and jest); test/e2e/compiled-build.e2e-spec.ts covers the real build.
 *
 * `source`: the TypeScript sources through @swc-node/register (`node -r @swc-node/register src/worker.ts`).
 */
export async function buildApp(runtime: Runtime): Promise<AppBuild> {
  if (runtime === 'source') {
    return { runtime, script: (path) => ['-r', '@swc-node/register', join(ROOT, path)], dispose: () => undefined };
  }
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/citymatch-bench-'));
  const files = ['src', 'libs', 'test/bench/pipeline'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  await Promise.all(
    files.map(async (file) => {
      const { code } = await transformFile(file, {
        swcrc: false,
        sourceMaps: false,
        module: { type: 'commonjs' },
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
          keepClassNames: true,
          baseUrl: ROOT,
          paths: { '@citymatch/matching': ['./libs/matching/src'], '@citymatch/matching/*': ['./libs/matching/src/*'] },
        },
      });
      const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }),
  );
  return {
    runtime,
    script: (path) => [join(outDir, path.replace(/\.ts$/, '.js'))],
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}
