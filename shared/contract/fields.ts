import { z } from 'zod';

/** Building blocks shared by every feature's input schemas, so limits read the same everywhere. */

/**
 * A record's id: SQLite's own choice is positive; a desktop connected to the team server creates
 * records with negative ids from its own range (main/db/ids.ts), so any safe integer but 0 is valid.
 */
export const isRecordId = (v: unknown): v is number => Number.isSafeInteger(v) && v !== 0;
export const id = z.int().refine((v) => v !== 0, 'Not a record id');

/** Business codes as users type them in spreadsheets: letters of any script, digits and - _ . / */
export const code = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(32, 'At most 32 characters')
  .regex(/^[\p{L}\p{N}_\-./]+$/u, 'Letters, digits and - _ . / only');

export const name = z.string().trim().min(1, 'Required').max(200, 'At most 200 characters');

/** Optional free text: blank becomes null so the database never stores empty strings. */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const isoDate = z.iso.date('Use a date like 2026-03-01');
export const optionalIsoDate = isoDate.nullish().transform((v) => v ?? null);

/** Calendar month as `YYYY-MM`: months are never floating dates. */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-05');

export const wholeNumber = (min: number, max: number) => z.int(`Whole number`).min(min, `At least ${min}`).max(max, `At most ${max}`);

export const latitude = z
  .number()
  .min(-90)
  .max(90)
  .nullish()
  .transform((v) => v ?? null);
export const longitude = z
  .number()
  .min(-180)
  .max(180)
  .nullish()
  .transform((v) => v ?? null);

export const sortDirection = z.enum(['asc', 'desc']);

/** Paging for virtualised lists: the renderer asks for the window it shows. */
export const page = {
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(1000).default(200),
};

export const search = z.string().trim().max(100).optional();

export interface Page<T> {
  rows: T[];
  total: number;
}
