import type { importingContract } from '../../shared/contract/importing.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { ENTITIES } from './entities.js';
import { fieldInfo } from './fields.js';
import { commitImport, discardImport, exportEntity, previewImport, validateImport } from './session.js';

export const importingHandlers = {
  'import.fields': (_ctx, { entity }) => fieldInfo(ENTITIES[entity].fields, entity),
  'import.preview': ({ db }, { entity, fileName, contentBase64, encoding }) =>
    previewImport(db, entity, fileName, Buffer.from(contentBase64, 'base64'), encoding),
  'import.validate': ({ db }, { importId, ...choices }) => validateImport(db, importId, choices),
  'import.commit': ({ db }, { importId, ...choices }) => commitImport(db, importId, choices),
  'import.discard': (_ctx, { importId }) => discardImport(importId),
  'export.entity': ({ db }, { entity, format, headers }) => exportEntity(db, entity, format, headers),
  'import.template': ({ db }, { entity, format, headers }) => exportEntity(db, entity, format, headers, true),
} satisfies FeatureHandlers<typeof importingContract>;
