import type { importingContract } from '../../shared/contract/importing.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { ENTITIES } from './entities.js';
import { fieldInfo } from './fields.js';
import { commitImport, discardImport, exportEntity, previewImport, validateImport } from './session.js';

export const importingHandlers = {
  'import.fields': (_ctx, { entity }) => fieldInfo(ENTITIES[entity].fields, entity),
  'import.preview': ({ db }, { entity, fileName, contentBase64 }) =>
    previewImport(db, entity, fileName, Buffer.from(contentBase64, 'base64')),
  'import.validate': ({ db }, { importId, mapping, decimalComma }) => validateImport(db, importId, mapping, decimalComma),
  'import.commit': ({ db }, { importId, mapping, decimalComma, mode }) => commitImport(db, importId, mapping, decimalComma, mode),
  'import.discard': (_ctx, { importId }) => discardImport(importId),
  'export.entity': ({ db }, { entity, format }) => exportEntity(db, entity, format),
} satisfies FeatureHandlers<typeof importingContract>;
