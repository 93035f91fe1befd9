import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { MethodName, MethodResult } from '../../shared/contract/index.js';
import type { ImportRowError } from '../../shared/contract/importing.js';
import { dispatch } from '../api/dispatch.js';
import type { ServiceContext } from '../api/context.js';
import { openCore } from '../app/core.js';
import { resolveDatabasePath } from '../app/paths.js';
import { BUILT_IN_ADMIN_CODE, findActorByCode } from '../people/actor.js';
import { importWarningInWords } from '../readiness/count-doubts.js';

/**
 * `import --entity ENTITY --file FILE [--db FILE] [--valid-only] [--updates skip|apply] [--confirm] [--as CODE]`: the same import as Settings, through
 * the same contract methods (preview, validate, commit), so a file refused in the app is refused here.
 * Every refused row is printed with its line, column and reason; without --valid-only nothing is
 * written when any row is bad. Rows that would change existing records need --updates apply (or skip).
 * What the app asks a second time needs --confirm: rows the check says look wrong (a stock count
 * beyond the warehouse), and updates of signed-off or referenced data.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      entity: { type: 'string' },
      file: { type: 'string' },
      db: { type: 'string' },
      'valid-only': { type: 'boolean', default: false },
      updates: { type: 'string' },
      confirm: { type: 'boolean', default: false },
      as: { type: 'string', default: BUILT_IN_ADMIN_CODE },
    },
  });
  const updates = values.updates;
  if (!values.entity || !values.file || (updates !== undefined && updates !== 'skip' && updates !== 'apply')) {
    console.error('Usage: import --entity ENTITY --file FILE [--db FILE] [--valid-only] [--updates skip|apply] [--confirm] [--as CODE]');
    return 2;
  }
  let content: Buffer;
  try {
    content = readFileSync(values.file);
  } catch (error) {
    console.error(`Cannot read ${values.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const core = openCore(resolveDatabasePath(values.db), 'cli');
  // Who imports: permissions and the history apply to them. Whoever can open the file on this computer
  // is its administrator, so that is the default; `--as CODE` imports as a person of the team.
  const actor = findActorByCode(core.db, values.as);
  if (!actor) {
    console.error(`--as: no active person with code ${values.as}`);
    core.close();
    return 2;
  }
  core.ctx.actor = actor;
  try {
    const preview = await contract(core.ctx, 'import.preview', {
      entity: values.entity,
      fileName: basename(values.file),
      contentBase64: content.toString('base64'),
    });
    const settings = { importId: preview.importId, mapping: preview.suggestedMapping, decimalComma: preview.decimalComma };
    const report = await contract(core.ctx, 'import.validate', settings);
    for (const e of report.errors)
      console.log(`line ${e.line}, ${e.column}: ${describeError(e)}${e.value ? ` (${JSON.stringify(e.value)})` : ''}`);
    if (report.errorCount > report.errors.length) console.log(`… and ${report.errorCount - report.errors.length} more problems`);
    // valid rows that look wrong (a stock count beyond the warehouse): imported, but said first
    for (const w of report.warnings ?? []) console.log(`line ${w.line}, ${w.key}: check: ${importWarningInWords(w.code, w.params)}`);
    console.log(
      `${report.totalRows} rows: ${report.validRows} valid (${report.creates} new, ${report.updates} updates), ${report.errorCount} problems`,
    );
    if (report.errorCount > 0 && !values['valid-only']) {
      await contract(core.ctx, 'import.discard', { importId: preview.importId });
      console.error('Nothing was imported. Fix the rows above, or pass --valid-only to import only the valid rows.');
      return 1;
    }
    if ((report.warningCount ?? 0) > 0 && !values.confirm) {
      await contract(core.ctx, 'import.discard', { importId: preview.importId });
      console.error('Nothing was imported. Check the rows above; pass --confirm to import them as they are.');
      return 1;
    }
    // Changing existing records is never implied: the commit refuses a file with updates until --updates says.
    const outcome = await contract(core.ctx, 'import.commit', {
      ...settings,
      mode: values['valid-only'] ? 'validOnly' : 'all',
      ...(updates ? { updates } : {}),
      ...(values.confirm ? { confirmWarnings: true, confirmSensitive: true } : {}),
    });
    console.log(`Imported: ${outcome.created} created, ${outcome.updated} updated, ${outcome.skipped} skipped`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    core.close();
  }
}

/**
 * The importer reports codes with their limits for the renderer to word in the user's language; the
 * command line, which has no translations, prints the code and its limits as they are.
 */
function describeError(e: ImportRowError): string {
  const params = Object.entries(e.params)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join('; ');
  return `${e.code.replace(/_/g, ' ')}${params ? ` (${params})` : ''}`;
}

/** One contract call through `dispatch`, as every door makes it; a refusal becomes the message shown. */
async function contract<K extends MethodName>(ctx: ServiceContext, method: K, input: unknown): Promise<MethodResult<K>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) {
    const fields = (result.error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(fields ? `${result.error.message} (${fields})` : result.error.message);
  }
  return result.value as MethodResult<K>;
}
