import { openDatabase } from '../../../main/db/open.js';

export const open = openDatabase;
