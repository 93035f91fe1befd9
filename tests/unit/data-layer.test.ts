import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 14: each feature's reads and writes live in its own queries.ts and mutations.ts (key
 * factories, named hooks); components use those. A component that calls the contract itself
 * (useApiQuery, useApiMutation, useMutationWithToast or api.call) bypasses the feature's keys and
 * its one place to look, so this fails on it. renderer/api is the layer itself.
 */
const RENDERER = join(process.cwd(), 'renderer');
const LAYER_HOOKS: Record<string, string[]> = {
  'api/hooks.js': ['useApiQuery', 'useApiMutation'],
  'api/useMutationWithToast.js': ['useMutationWithToast'],
  'api/client.js': ['api'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}

/** The layer's call hooks a file imports by name (`useApiQuery`, `api`, ...). */
function layerImports(path: string, source: string): string[] {
  const file = ts.createSourceFile(
    path,
    source,
    ts.ScriptTarget.Latest,
    false,
    path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const hooks = Object.entries(LAYER_HOOKS).find(([suffix]) => from.endsWith(`/${suffix}`))?.[1];
    const named = statement.importClause?.namedBindings;
    if (!hooks || !named || !ts.isNamedImports(named)) continue;
    for (const element of named.elements) {
      if (element.isTypeOnly || statement.importClause?.isTypeOnly) continue;
      const imported = (element.propertyName ?? element.name).text;
      if (hooks.includes(imported)) found.push(imported);
    }
  }
  return found;
}

const sources = files(RENDERER)
  .filter((path) => !relative(RENDERER, path).startsWith('api'))
  .map((path) => ({ path: relative(process.cwd(), path), source: readFileSync(path, 'utf8') }));

describe('renderer data layer', () => {
  it('finds the components it checks', () => {
    expect(sources.filter((s) => s.path.endsWith('.tsx')).length).toBeGreaterThan(50);
  });

  it('no component imports the contract call hooks or calls api.call itself', () => {
    const offenders = sources
      .filter((s) => s.path.endsWith('.tsx'))
      .flatMap((s) => [
        ...layerImports(s.path, s.source).map((name) => `${s.path} imports ${name}`),
        ...(/\bapi\.call\(/.test(s.source) ? [`${s.path} calls api.call`] : []),
      ]);
    expect(offenders).toEqual([]);
  });

  it('only a feature queries.ts or mutations.ts imports useApiQuery, useApiMutation or useMutationWithToast', () => {
    const importers = sources
      .filter((s) => layerImports(s.path, s.source).some((name) => name !== 'api'))
      .map((s) => s.path)
      .filter((path) => !['queries.ts', 'mutations.ts'].includes(basename(path)));
    expect(importers).toEqual([]);
  });

  it('sees an import of the hooks in a component (the check can fail)', () => {
    const component = "import { useApiQuery, useJob } from '../api/hooks.js';\nimport { api } from '../api/client.js';";
    expect(layerImports('renderer/x/X.tsx', component)).toEqual(['useApiQuery', 'api']);
    expect(layerImports('renderer/x/X.tsx', "import { useJob } from '../api/hooks.js';")).toEqual([]);
  });
});
