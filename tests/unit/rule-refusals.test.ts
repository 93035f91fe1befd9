import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeResources } from '../support/locales.js';

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface BareError {
  file: string;
  line: number;
  /** The English message as written (its first argument's source text). */
  message: string;
}

/** The string literals inside an expression (a code may be chosen by a ternary). */
function literals(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  const found: string[] = [];
  node.forEachChild((child) => void found.push(...literals(child)));
  return found;
}

/** Which argument of each refusal helper is the rule's code. */
const RULE_ARGUMENT: Record<string, number> = { ruleRefusal: 0, fileRefusal: 0, refusal: 1, CascadeError: 0 };

/**
 * Reads the core's source: the rule codes it names (refusal helpers' code arguments, the rule of a
 * `new DomainError(…)` written as `{ code: '…', params }`), and every
 * `new DomainError(…)` without a rule, whose English would reach the person as it is.
 */
function scanCore(): { codes: Set<string>; bare: BareError[] } {
  const codes = new Set<string>();
  const bare: BareError[] = [];
  for (const file of files('main')) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'DomainError') {
        const rule = node.arguments?.[3];
        if (!rule || rule.getText(source) === 'undefined') {
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          bare.push({ file, line, message: node.arguments?.[1]?.getText(source) ?? '' });
        } else if (ts.isObjectLiteralExpression(rule)) {
          const code = rule.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'code');
          if (code && ts.isPropertyAssignment(code)) for (const c of literals(code.initializer)) codes.add(c);
        }
      }
      // (the targets cascade's `new CascadeError('code', …)` too)
      if (
        (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text in RULE_ARGUMENT
      ) {
        const argument = node.arguments?.[RULE_ARGUMENT[node.expression.text]!];
        if (argument) for (const code of literals(argument)) codes.add(code);
      }
      // An ApiError written out whole: `rule: { code: '…' }` (main/api/dispatch.ts).
      if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'rule' && ts.isObjectLiteralExpression(node.initializer)) {
        const code = node.initializer.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(source) === 'code');
        if (code && ts.isPropertyAssignment(code)) for (const c of literals(code.initializer)) codes.add(c);
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return { codes, bare };
}

/**
 * `new DomainError(…)` without a rule code, on purpose: a person cannot meet these (or not through a
 * screen), so their English stays. Each entry: the file, a piece of its message, and why.
 */
const ALLOWED_BARE: { file: string; message: string; why: string }[] = [
  { file: 'shared/contract/result.ts', message: '', why: 'the helpers themselves (not scanned: main/ only)' },
  {
    file: 'main/importing/refusal.ts',
    message: 'message',
    why: 'fileRefusal builds the error from its arguments; its callers give the rule',
  },
  { file: 'main/jobs/runner.ts', message: 'Unknown job', why: 'the contract only lets known job kinds through' },
  { file: 'main/importing/handlers.ts', message: 'Imports are not available', why: 'every door builds its context with imports' },
  { file: 'main/people/enforce.ts', message: 'has no permission rule yet', why: 'a unit test gives every mutating method a rule' },
  { file: 'main/people/enforce.ts', message: 'has no scope rule yet', why: 'a unit test gives every scoped method a resolver' },
];

const { codes, bare } = scanCore();

describe('business rule refusals', () => {
  // The core names a refused rule by code; the screens word it from rules:refusal.<code>.
  // What a desktop connected to a team server refuses to do (main/sync/methods.ts refusedRule).
  for (const code of ['connectedImport', 'connectedDemo', 'connectedRestore', 'connectedForecast', 'connectedRefused']) codes.add(code);
  // Who may do it instead (main/people/enforce.ts roleRule).
  for (const code of ['notAllowedAdmin', 'notAllowedManager', 'notAllowedManagerOrSalesperson', 'notAllowedLogistics', 'notAllowedRoles'])
    codes.add(code);
  it('are found in the core', () => {
    for (const known of ['recordGone', 'recordMissing', 'visitInFuture', 'importEmptyFile', 'devPlanMissing', 'duplicateValue'])
      expect(codes).toContain(known);
  });
  const resources = localeResources();
  for (const language of LANGUAGES) {
    it(`each has words in ${language}`, () => {
      const refusal = (resources[language].rules as { refusal?: Record<string, string> }).refusal ?? {};
      for (const code of codes) expect(refusal[code], `rules:refusal.${code} (${language})`).toBeTruthy();
    });
  }
});

describe('a refusal’s words', () => {
  // Values a rule's parameters take that are words themselves, nested from the screens' own keys.
  const SAMPLE: Record<string, string | number> = { status: 'submitted', suggestion: 'reward', reason: 'recordMissing' };
  const resources = localeResources();
  for (const language of LANGUAGES) {
    it(`read whole in ${language}: every placeholder and nested word filled in`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({ resources, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
      const refusal = (resources[language].rules as { refusal: Record<string, string> }).refusal;
      for (const [code, text] of Object.entries(refusal)) {
        // (with the placeholders of the rule a nested one may name: importLineRefused's reason)
        const params = Object.fromEntries(
          [...`${text} ${refusal[SAMPLE.reason!]}`.matchAll(/\{\{(\w+)/g)].map(([, name]) => [name!, SAMPLE[name!] ?? 7]),
        );
        const words = i18n.t(`rules:refusal.${code}`, params);
        expect(words, `rules:refusal.${code} (${language})`).not.toMatch(/\{\{|\$t\(|\b(status|decision|refusal)\.\w/);
      }
    });
  }
});

describe('a refusal with a count', () => {
  // The team server sends `count` with a wait or a lock, so the words agree with the number.
  const resources = localeResources();
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ['en', 'signInWait', /wait 1 second before/, /wait 2 seconds before/],
    ['en', 'signInLocked', /locked for 1 minute\./, /locked for 5 minutes\./],
    ['es', 'signInWait', /espere 1 segundo antes/, /espere 2 segundos antes/],
    ['es', 'signInLocked', /durante 1 minuto\./, /durante 5 minutos\./],
  ];
  for (const [language, code, one, many] of cases) {
    it(`${code} in ${language}: singular for one, plural otherwise`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({ resources, lng: language, fallbackLng: false, interpolation: { escapeValue: false } });
      const words = (n: number) => i18n.t(`rules:refusal.${code}`, { seconds: n, minutes: n, count: n });
      expect(words(1)).toMatch(one);
      expect(words(code === 'signInWait' ? 2 : 5)).toMatch(many);
    });
  }
});

describe('a service’s refusal', () => {
  it('carries a rule code, so the person reads it in their language', () => {
    const allowed = (e: BareError) => ALLOWED_BARE.some((a) => e.file.replaceAll('\\', '/') === a.file && e.message.includes(a.message));
    const english = bare.filter((e) => !allowed(e)).map((e) => `${e.file}:${e.line} ${e.message}`);
    expect(english, 'new DomainError(…) without a rule: use ruleRefusal / refusal (shared/contract/result.ts)').toEqual([]);
  });

  it('the scan sees an error without a rule', () => {
    // The scan itself: the allow-list's entries are found, so it reads what it should.
    expect(bare.some((e) => e.file.endsWith('jobs/runner.ts') && e.message.includes('Unknown job'))).toBe(true);
  });
});
