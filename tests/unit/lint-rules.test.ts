import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's rules hold because the linter refuses to break them: each file in
 * tests/lint-fixtures breaks one rule on purpose and must be reported by exactly that rule, with the
 * project's own eslint.config.js; the clean fixtures must pass.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const messages = new Map<string, Array<{ ruleId: string | null; message: string }>>();

beforeAll(async () => {
  const eslint = new ESLint({
    cwd: root,
    // The fixtures are ignored by the normal lint run; here they are the subject.
    ignore: false,
    overrideConfig: {
      files: ['tests/lint-fixtures/**'],
      languageOptions: { parserOptions: { project: './tests/lint-fixtures/tsconfig.json' } },
    },
  });
  for (const result of await eslint.lintFiles(['tests/lint-fixtures'])) {
    const file = result.filePath
      .slice(root.length)
      .replace(/\\/g, '/')
      .replace(/^\/?tests\/lint-fixtures\//, '');
    messages.set(
      file,
      result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })),
    );
  }
}, 120_000);

function reported(file: string) {
  const found = messages.get(file);
  if (!found) throw new Error(`${file} was not linted`);
  return found;
}

describe('lint rules that encode the architecture', () => {
  const cases: Array<[file: string, rule: string, says: string]> = [
    ['renderer/imports-main.ts', 'no-restricted-imports', 'api client'],
    ['renderer/imports-node.ts', 'no-restricted-imports', 'no Node modules'],
    ['main/imports-renderer.ts', 'no-restricted-imports', 'never imports the renderer'],
    ['main/imports-electron.ts', 'no-restricted-imports', 'Only main/electron/'],
    ['shared/imports-main.ts', 'no-restricted-imports', 'imports neither side'],
    ['shared/imports-renderer.ts', 'no-restricted-imports', 'imports neither side'],
    ['shared/imports-node.ts', 'no-restricted-imports', 'no Node modules'],
    ['shared/imports-react.ts', 'no-restricted-imports', 'no DOM or React'],
    ['shared/uses-dom.ts', 'no-restricted-globals', 'no DOM globals'],
    ['main/explicit-any.ts', '@typescript-eslint/no-explicit-any', 'any'],
    ['main/floating-promise.ts', '@typescript-eslint/no-floating-promises', 'Promises must be awaited'],
    ['main/non-exhaustive-switch.ts', '@typescript-eslint/switch-exhaustiveness-check', 'green'],
    ['renderer/hook-in-condition.tsx', 'react-hooks/rules-of-hooks', 'conditionally'],
    ['renderer/i18n-option-name.tsx', 'no-restricted-syntax', 'lng is the language'],
  ];
  for (const [file, rule, says] of cases) {
    it(`${file} is refused by ${rule}`, () => {
      const found = reported(file);
      expect(found.map((m) => m.ruleId)).toEqual([rule]);
      expect(found[0]!.message).toContain(says);
    });
  }

  for (const file of ['renderer/clean.tsx', 'main/electron/clean.ts', 'shared/clean.ts']) {
    it(`${file} follows the rules and passes`, () => expect(reported(file)).toEqual([]));
  }

  it('covers every fixture', () => {
    expect([...messages.keys()].sort()).toEqual(
      [...cases.map(([file]) => file), 'renderer/clean.tsx', 'main/electron/clean.ts', 'shared/clean.ts'].sort(),
    );
  });
});
