import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { ImportReport } from '../../shared/contract/importing.js';
import { importErrorText } from '../../renderer/importing/messages.js';
import { call } from './call.js';
import { localeResources } from './locales.js';

export const sample = (name: string) => readFileSync(new URL(`../../resources/samples/${name}`, import.meta.url));

export interface ImportChoice {
  mode?: 'all' | 'validOnly';
  updates?: 'skip' | 'apply';
  confirmSensitive?: boolean;
  decimalSeparators?: Record<string, ',' | '.'>;
}

/** Preview, check and commit a file with the mapping the importer suggests, as a user accepting the defaults. */
export async function importFile(ctx: ServiceContext, entity: string, fileName: string, bytes: Buffer, choice: ImportChoice = {}) {
  const preview = await call(ctx, 'import.preview', { entity, fileName, contentBase64: bytes.toString('base64') });
  const { mode = 'all', ...rest } = choice;
  const report = await call(ctx, 'import.validate', {
    importId: preview.importId,
    mapping: preview.suggestedMapping,
    ...(rest.decimalSeparators ? { decimalSeparators: rest.decimalSeparators } : {}),
  });
  const outcome = await dispatch(ctx, 'import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode, ...rest });
  return { preview, report, outcome };
}

/** The renderer's own wording of the importer's codes, in one of the four languages. */
export async function importingText(language: 'en' | 'zh' | 'es' | 'ru'): Promise<TFunction<'importing'>> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: localeResources(),
    lng: language,
    ns: ['importing'],
    defaultNS: 'importing',
    interpolation: { escapeValue: false },
  });
  return instance.getFixedT(language, 'importing');
}

/** Each listed error as "line: text", worded as the user reads it. */
export function errorLines(t: TFunction<'importing'>, report: ImportReport): string[] {
  return report.errors.map((e) => `${e.line}: ${importErrorText(t, e)}`);
}
