import { METHOD_NAMES } from '../../../shared/contract/index.js';

export const count = METHOD_NAMES.length;
