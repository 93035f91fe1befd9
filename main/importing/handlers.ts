import { scopeOf } from '../people/readScope.js';
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

/**
 * A salesperson (with no manager's or coordinator's role) imports their own visits and nothing else:
 * the entity is checked here, every row's salesperson in the validation (`ownerOnly`).
 */
function ownerOnly(ctx: ServiceContext): number | undefined {
  const roles = ctx.actor?.roles ?? [];
  const others = roles.some((r) => r !== 'salesperson');
  return roles.includes('salesperson') && !others ? ctx.actor!.personId : undefined;
}

function checkEntity(ctx: ServiceContext, entity: string): void {
  if (ownerOnly(ctx) !== undefined && entity !== 'visits') {
    throw new DomainError(
      'forbidden',
      'Not allowed: a salesperson imports their own visits only; other imports are made by regional managers and logistics coordinators.',
      undefined,
      {
        code: 'importOwnVisitsOnly',
      },
    );
  }
}

const entityOf = (ctx: ServiceContext, importId: string): string => sessionsOf(ctx).get(importId).entity;

/** The core's import registry; a context built without one (a query thread) cannot hold imports. */
function sessionsOf(ctx: ServiceContext): ImportSessions {
  if (!ctx.imports) throw new DomainError('internal', 'Imports are not available here.');
  return ctx.imports;
}

export const importingHandlers = {
  'import.fields': (_ctx, { entity }) => fieldInfo(ENTITIES[entity].fields, entity),
  'import.preview': (ctx, { entity, fileName, contentBase64, encoding }) => {
    checkEntity(ctx, entity);
    return previewImport(ctx.db, entity, fileName, Buffer.from(contentBase64, 'base64'), encoding, sessionsOf(ctx));
  },
  'import.validate': (ctx, { importId, ...choices }) => {
    checkEntity(ctx, entityOf(ctx, importId));
    return validateImport(ctx.db, importId, { ...choices, ownerOnly: ownerOnly(ctx) }, sessionsOf(ctx));
  },
  'import.commit': (ctx, { importId, ...choices }) => {
    checkEntity(ctx, entityOf(ctx, importId));
    return commitImport(ctx.db, importId, { ...choices, ownerOnly: ownerOnly(ctx) }, sessionsOf(ctx));
  },
  'import.previewStart': (ctx, { entity, fileName, contentBase64, encoding }) => {
    checkEntity(ctx, entity);
    const sessions = sessionsOf(ctx);
    const importId = holdFile(sessions, entity, fileName, Buffer.from(contentBase64, 'base64'), encoding);
    return {
      importId,
      jobId: ctx.jobs.start('import.check', importJobParams(sessions, importId, 'preview', { mapping: {}, mode: 'all' })),
    };
  },
  'import.start': (ctx, { importId, step, ...choices }) => {
    checkEntity(ctx, entityOf(ctx, importId));
    return {
      jobId: ctx.jobs.start(
        step === 'commit' ? 'import.run' : 'import.check',
        importJobParams(sessionsOf(ctx), importId, step, { ...choices, ownerOnly: ownerOnly(ctx) }),
      ),
    };
  },
  'import.discard': (ctx, { importId }) => discardImport(importId, sessionsOf(ctx)),
  'export.entity': (ctx, { entity, format, headers, language }) =>
    exportEntity(ctx.db, entity, format, headers, false, language, scopeOf(ctx)),
  'import.template': ({ db }, { entity, format, headers, language }) => exportEntity(db, entity, format, headers, true, language),
} satisfies FeatureHandlers<typeof importingContract>;
