// The renderer reaching into the core instead of going through the api client.
import { openDatabase } from '../../../main/db/open.js';

export const open = openDatabase;
