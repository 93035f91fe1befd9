import type { archiveContract } from '../../shared/contract/archive.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { productDeleteImpact } from './products.js';
import { terminalDeleteImpact } from './terminals.js';

export const archiveHandlers = {
  'terminal.deleteImpact': ({ db }, { id }) => terminalDeleteImpact(db, id),
  'product.deleteImpact': ({ db }, { id }) => productDeleteImpact(db, id),
} satisfies FeatureHandlers<typeof archiveContract>;
