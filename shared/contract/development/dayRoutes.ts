/** A salesperson's day route: the outlets to visit in order, on the map, and its printable sheet. */
import { z } from 'zod';
import type { ContactLevel } from '../../domain/network.js';
import type { OutletType, Stage, VisitOutcome, VisitPurpose } from '../../domain/development.js';
import { exportLanguage } from '../../exports/words.js';
import { mutation, query } from '../define.js';
import { id, isoDate } from '../fields.js';
import { latLng, outletKey, type ExportedFile } from './common.js';

export interface DayStop {
  position: number;
  outletType: OutletType;
  outletId: number;
  code: string;
  name: string;
  address: string | null;
  areaId: number;
  areaName: string;
  stage: Stage | null;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Distance from the previous stop (or the start point), when both have coordinates. */
  legKm: number | null;
  visit: { id: number; outcome: VisitOutcome; purpose: VisitPurpose } | null;
  /** Who to ask for at the outlet. */
  contacts: Array<{ name: string; role: string | null; level: ContactLevel; phone: string | null }>;
}

export interface DayRoute {
  salespersonId: number;
  salespersonName: string;
  day: string;
  start: { lat: number; lng: number } | null;
  stops: DayStop[];
  km: number | null;
  optimized: boolean;
  /** Stops that could not be placed on the map (no coordinates): kept in the order given, at the end. */
  withoutCoordinates: number;
}

export const dayRouteContract = {
  'dayRoute.get': query<DayRoute>()(z.strictObject({ salespersonId: id, day: isoDate })),
  'dayRoute.save': mutation<DayRoute>()(
    z.strictObject({
      salespersonId: id,
      day: isoDate,
      stops: z.array(z.strictObject(outletKey)).max(60, 'At most 60 outlets a day'),
      optimize: z.boolean(),
      start: latLng.nullish().transform((v) => v ?? null),
    }),
  ),
  'dayRoute.export': query<ExportedFile>()(z.strictObject({ salespersonId: id, day: isoDate, language: exportLanguage })),
} as const;
