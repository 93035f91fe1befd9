// The sandboxed page has no Node.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
