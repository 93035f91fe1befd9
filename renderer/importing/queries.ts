import type { MethodInput } from '../../shared/contract/index.js';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { api } from '../api/client.js';

// The importing reads are asked on a button (a template, an export) and turned into a download at
// once, so they are plain calls rather than cached queries.

/** The fields an entity's sheet has, to title its columns in the person's language. */
export const importFields = (entity: ImportEntity) => api.call('import.fields', { entity });
export const importTemplate = (input: MethodInput<'import.template'>) => api.call('import.template', input);
export const exportEntity = (input: MethodInput<'export.entity'>) => api.call('export.entity', input);
