import type { importingContract } from '../../shared/contract/importing.js';
import type { ServiceContext } from '../api/context.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { DomainError } from '../../shared/contract/result.js';
import { ENTITIES } from './entities.js';
import { fieldInfo } from './fields.js';
import {
  commitImport,
  discardImport,
  exportEntity,
  holdFile,
  importJobParams,
  previewImport,
  validateImport,
  type ImportSessions,
} from './session.js';

/** The core's import registry; a context built without one (a query thread) cannot hold imports. */
function sessionsOf(ctx: ServiceContext): ImportSessions {
  if (!ctx.imports) throw new DomainError('internal', 'Imports are not available here.');
  return ctx.imports;
}

export const importingHandlers = {
  'import.fields': (_ctx, { entity }) => fieldInfo(ENTITIES[entity].fields, entity),
  'import.preview': (ctx, { entity, fileName, contentBase64, encoding }) =>
    previewImport(ctx.db, entity, fileName, Buffer.from(contentBase64, 'base64'), encoding, sessionsOf(ctx)),
  'import.validate': (ctx, { importId, ...choices }) => validateImport(ctx.db, importId, choices, sessionsOf(ctx)),
  'import.commit': (ctx, { importId, ...choices }) => commitImport(ctx.db, importId, choices, sessionsOf(ctx)),
  'import.previewStart': (ctx, { entity, fileName, contentBase64, encoding }) => {
    const sessions = sessionsOf(ctx);
    const importId = holdFile(sessions, entity, fileName, Buffer.from(contentBase64, 'base64'), encoding);
    return { importId, jobId: ctx.jobs.start('import.run', importJobParams(sessions, importId, 'preview', { mapping: {}, mode: 'all' })) };
  },
  'import.start': (ctx, { importId, step, ...choices }) => ({
    jobId: ctx.jobs.start('import.run', importJobParams(sessionsOf(ctx), importId, step, choices)),
  }),
  'import.discard': (ctx, { importId }) => discardImport(importId, sessionsOf(ctx)),
  'export.entity': ({ db }, { entity, format, headers }) => exportEntity(db, entity, format, headers),
  'import.template': ({ db }, { entity, format, headers }) => exportEntity(db, entity, format, headers, true),
} satisfies FeatureHandlers<typeof importingContract>;
