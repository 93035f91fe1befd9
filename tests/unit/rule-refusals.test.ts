import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeResources } from '../support/locales.js';

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('business rule refusals', () => {
  // The core names a refused rule by code (ruleRefusal('code', …); the targets cascade's CascadeError('code', …)); the screens word it from rules:refusal.<code>.
  const codes = new Set(
    files('main').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:ruleRefusal|fileRefusal|CascadeError)\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]!),
    ),
  );
  // A record that is gone or was never there (main/db/sql.ts's notFound and requireRow, 69 callers).
  codes.add('recordGone');
  codes.add('recordMissing');
  // What a desktop connected to a team server refuses to do (main/sync/methods.ts refusedRule).
  for (const code of ['connectedImport', 'connectedDemo', 'connectedRestore', 'connectedForecast', 'connectedRefused']) codes.add(code);
  it('are found in the core', () => {
    expect(codes.size).toBeGreaterThanOrEqual(3);
  });
  const resources = localeResources();
  for (const language of LANGUAGES) {
    it(`each has words in ${language}`, () => {
      const refusal = (resources[language].rules as { refusal?: Record<string, string> }).refusal ?? {};
      for (const code of codes) expect(refusal[code], `rules:refusal.${code} (${language})`).toBeTruthy();
    });
  }
});
