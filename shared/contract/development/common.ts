/** What the development contract's parts share: the outlet key, whole counts, weeks, exported files. */
import { z } from 'zod';
import { OUTLET_TYPES, isMonday } from '../../domain/development.js';
import { id, isoDate } from '../fields.js';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

export const outletType = z.enum(OUTLET_TYPES);
export const count = z.int('Whole number').min(0, 'Cannot be negative').max(100_000, 'At most 100000');
export const priority = z.int().min(1, 'Priority 1 (high) to 3 (low)').max(3, 'Priority 1 (high) to 3 (low)');
export const brand = z.string().trim().min(1, 'Required').max(80, 'At most 80 characters');
export const weekStart = isoDate.refine(isMonday, 'A week starts on a Monday');
export const latLng = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export const outletKey = { outletType, outletId: id };
