import { z } from 'zod';
import {
  CONTACT_LEVELS,
  CONTACT_OWNERS,
  DISTRIBUTOR_STATUSES,
  OUTLET_STATUSES,
  PRODUCT_PACKS,
  PRODUCT_STATUSES,
  STAFF_ROLES,
  TERMINAL_CHANNELS,
  type ContactLevel,
  type ContactOwner,
  type DistributorStatus,
  type OutletStatus,
  type ProductPack,
  type ProductStatus,
  type StaffRole,
  type TerminalChannel,
} from '../domain/network.js';
import { mutation, query } from './define.js';
import {
  code,
  id,
  latitude,
  longitude,
  name,
  optionalIsoDate,
  optionalText,
  page,
  search,
  sortDirection,
  wholeNumber,
  type Page,
} from './fields.js';

// ---- drafts: what a form or an import row supplies -------------------------------------------

export const regionDraft = z.strictObject({
  code,
  name,
  /** Peak months of this region (1-12). A region with no peak would make the planner meaningless. */
  peakMonths: z
    .array(wholeNumber(1, 12))
    .min(1, 'Pick at least one peak month')
    .max(11, 'At least one month must be off-season')
    .refine((m) => new Set(m).size === m.length, 'Each month once'),
  /** IANA time zone of the region (e.g. Asia/Shanghai): event times are its wall-clock times. Null: Asia/Shanghai. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Not a time zone (e.g. Asia/Shanghai, Europe/Madrid)')
    .nullish(),
});

export const areaDraft = z.strictObject({ code, name, regionId: id });

export const staffDraft = z.strictObject({
  code,
  name,
  role: z.enum(STAFF_ROLES),
  regionId: id,
  areaIds: z.array(id).max(200).default([]),
  phone: optionalText(40),
  email: z
    .email('Not an e-mail address')
    .max(200)
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  active: z.boolean().default(true),
});

export const distributorDraft = z.strictObject({
  code,
  name,
  areaId: id,
  address: optionalText(300),
  salespersonId: id.nullish().transform((v) => v ?? null),
  leadTimeDays: wholeNumber(0, 365),
  warehouseCapacityCases: wholeNumber(0, 100_000_000),
  relationshipLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  status: z.enum(DISTRIBUTOR_STATUSES),
  startDate: optionalIsoDate,
});

const outletCommon = {
  code,
  name,
  areaId: id,
  address: optionalText(300),
  status: z.enum(OUTLET_STATUSES),
  competitorBrand: optionalText(100),
  latitude,
  longitude,
};

export const subDealerDraft = z.strictObject({ ...outletCommon, distributorId: id });

export const terminalDraft = z
  .strictObject({
    ...outletCommon,
    channel: z.enum(TERMINAL_CHANNELS),
    subDealerId: id.nullish().transform((v) => v ?? null),
    distributorId: id.nullish().transform((v) => v ?? null),
  })
  .superRefine((t, ctx) => {
    // A terminal is supplied either through a sub-dealer or directly by a distributor, never both.
    if ((t.subDealerId === null) === (t.distributorId === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subDealerId'],
        message: 'Choose exactly one supplier: a sub-dealer or a distributor',
      });
    }
  });

export const contactDraft = z.strictObject({
  ownerType: z.enum(CONTACT_OWNERS),
  ownerId: id,
  name,
  role: optionalText(100),
  level: z.enum(CONTACT_LEVELS),
  phone: optionalText(40),
  /** Where invitations go; optional. */
  email: z
    .string()
    .trim()
    .max(200)
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('Not an e-mail address').nullable())
    .nullish(),
});

export const productDraft = z.strictObject({
  sku: code,
  name,
  brand: z.string().trim().min(1, 'Required').max(80),
  pack: z.enum(PRODUCT_PACKS),
  sizeMl: wholeNumber(1, 100_000),
  unitsPerCase: wholeNumber(1, 1000),
  status: z.enum(PRODUCT_STATUSES),
  launchDate: optionalIsoDate,
});

export type RegionDraft = z.input<typeof regionDraft>;
export type AreaDraft = z.input<typeof areaDraft>;
export type StaffDraft = z.input<typeof staffDraft>;
export type DistributorDraft = z.input<typeof distributorDraft>;
export type SubDealerDraft = z.input<typeof subDealerDraft>;
export type TerminalDraft = z.input<typeof terminalDraft>;
export type ContactDraft = z.input<typeof contactDraft>;
export type ProductDraft = z.input<typeof productDraft>;

// ---- rows: what lists and pages show ------------------------------------------------------------

export interface Region {
  id: number;
  code: string;
  name: string;
  peakMonths: number[];
  timeZone: string | null;
  areaCount: number;
}
export interface Area {
  id: number;
  code: string;
  name: string;
  regionId: number;
  regionName: string;
  distributorCount: number;
}
export interface Staff {
  id: number;
  code: string;
  name: string;
  role: StaffRole;
  regionId: number;
  regionName: string;
  areaIds: number[];
  areaNames: string[];
  phone: string | null;
  email: string | null;
  active: boolean;
}
export interface Distributor {
  id: number;
  code: string;
  name: string;
  areaId: number;
  areaName: string;
  regionId: number;
  address: string | null;
  salespersonId: number | null;
  salespersonName: string | null;
  leadTimeDays: number;
  warehouseCapacityCases: number;
  relationshipLevel: 1 | 2 | 3;
  status: DistributorStatus;
  startDate: string | null;
  subDealerCount: number;
  terminalCount: number;
}
export interface SubDealer {
  id: number;
  code: string;
  name: string;
  distributorId: number;
  distributorName: string;
  areaId: number;
  areaName: string;
  address: string | null;
  status: OutletStatus;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
  terminalCount: number;
}
export interface Terminal {
  id: number;
  code: string;
  name: string;
  channel: TerminalChannel;
  subDealerId: number | null;
  subDealerName: string | null;
  distributorId: number | null;
  /** The distributor whose network the terminal is in, directly or through its sub-dealer. */
  networkDistributorId: number;
  networkDistributorName: string;
  areaId: number;
  areaName: string;
  address: string | null;
  status: OutletStatus;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
}
export interface Contact {
  id: number;
  ownerType: ContactOwner;
  ownerId: number;
  name: string;
  role: string | null;
  level: ContactLevel;
  phone: string | null;
  email: string | null;
}
export interface Product {
  id: number;
  sku: string;
  name: string;
  brand: string;
  pack: ProductPack;
  sizeMl: number;
  unitsPerCase: number;
  status: ProductStatus;
  launchDate: string | null;
}

export interface DistributorPage {
  distributor: Distributor;
  contacts: Contact[];
  subDealers: Array<SubDealer & { terminals: number }>;
  /** Terminals supplied directly by the distributor (not through a sub-dealer). */
  directTerminals: Terminal[];
  terminalsByStatus: Record<OutletStatus, number>;
  terminalsByChannel: Record<TerminalChannel, number>;
}

export interface NetworkSummary {
  isEmpty: boolean;
  regions: Array<{ id: number; code: string; name: string; peakMonths: number[] }>;
  byArea: Array<{
    areaId: number;
    areaName: string;
    regionName: string;
    distributors: number;
    subDealers: Record<OutletStatus, number>;
    terminals: Record<OutletStatus, number>;
  }>;
  totals: { distributors: number; subDealers: number; terminals: number; products: number; staff: number };
}

// ---- list inputs ----------------------------------------------------------------------------------

const listOf = <S extends z.ZodRawShape, K extends readonly [string, ...string[]]>(filters: S, sortKeys: K) =>
  z.strictObject({
    search,
    ...filters,
    sort: z.enum(sortKeys).default(sortKeys[0]),
    direction: sortDirection.default('asc'),
    ...page,
  });

const DISTRIBUTOR_SORT = [
  'name',
  'code',
  'areaName',
  'salespersonName',
  'status',
  'subDealerCount',
  'terminalCount',
  'leadTimeDays',
] as const;
const SUB_DEALER_SORT = ['name', 'code', 'distributorName', 'areaName', 'status', 'terminalCount'] as const;
const TERMINAL_SORT = ['name', 'code', 'channel', 'networkDistributorName', 'areaName', 'status'] as const;

export const distributorListInput = listOf(
  {
    areaId: id.optional(),
    salespersonId: id.optional(),
    status: z.enum(DISTRIBUTOR_STATUSES).optional(),
  },
  DISTRIBUTOR_SORT,
);
export const subDealerListInput = listOf(
  { areaId: id.optional(), distributorId: id.optional(), status: z.enum(OUTLET_STATUSES).optional() },
  SUB_DEALER_SORT,
);
export const terminalListInput = listOf(
  {
    areaId: id.optional(),
    distributorId: id.optional(),
    subDealerId: id.optional(),
    status: z.enum(OUTLET_STATUSES).optional(),
    channel: z.enum(TERMINAL_CHANNELS).optional(),
  },
  TERMINAL_SORT,
);
export type DistributorListInput = z.input<typeof distributorListInput>;
export type SubDealerListInput = z.input<typeof subDealerListInput>;
export type TerminalListInput = z.input<typeof terminalListInput>;

const byId = z.strictObject({ id });
const updateOf = <T extends z.ZodType>(draft: T) => z.strictObject({ id, draft });

/** What happens to a distributor's or sub-dealer's outlets when it is deleted. */
export const outletDisposition = z.discriminatedUnion('outlets', [
  z.strictObject({ outlets: z.literal('none') }),
  z.strictObject({ outlets: z.literal('delete') }),
  z.strictObject({ outlets: z.literal('reassign'), toId: id }),
]);

export interface DeleteImpact {
  subDealers: number;
  terminals: number;
  contacts: number;
  distributors: number;
  staff: number;
  areas: number;
  /** A distributor with history is archived, not deleted: what it carries, counted. */
  history?: {
    salesHistoryRows: number;
    targetCells: number;
    agreedNumbers: number;
    visits: number;
    complaints: number;
    shipments: number;
    /** Sub-dealers: steps through the prospect pipeline. */
    prospectSteps?: number;
  };
  archives?: boolean;
}

export const networkContract = {
  'network.summary': query<NetworkSummary>()(z.strictObject({})),

  'region.list': query<Region[]>()(z.strictObject({})),
  'region.create': mutation<Region>()(z.strictObject({ draft: regionDraft })),
  'region.update': mutation<Region>()(updateOf(regionDraft)),
  'region.delete': mutation<{ deleted: true }>()(byId),

  'area.list': query<Area[]>()(z.strictObject({ regionId: id.optional() })),
  'area.create': mutation<Area>()(z.strictObject({ draft: areaDraft })),
  'area.update': mutation<Area>()(updateOf(areaDraft)),
  'area.delete': mutation<{ deleted: true }>()(byId),

  'staff.list': query<Staff[]>()(z.strictObject({ role: z.enum(STAFF_ROLES).optional(), search })),
  'staff.create': mutation<Staff>()(z.strictObject({ draft: staffDraft })),
  'staff.update': mutation<Staff>()(updateOf(staffDraft)),
  'staff.delete': mutation<{ deleted: true; archived?: true }>()(byId),

  'distributor.list': query<Page<Distributor>>()(distributorListInput),
  'distributor.get': query<DistributorPage>()(byId),
  'distributor.deleteImpact': query<DeleteImpact>()(byId),
  'distributor.create': mutation<Distributor>()(z.strictObject({ draft: distributorDraft })),
  'distributor.update': mutation<Distributor>()(updateOf(distributorDraft)),
  'distributor.delete': mutation<{ deleted: true; archived?: true }>()(z.strictObject({ id, disposition: outletDisposition })),

  'subDealer.list': query<Page<SubDealer>>()(subDealerListInput),
  'subDealer.get': query<SubDealer>()(byId),
  'subDealer.deleteImpact': query<DeleteImpact>()(byId),
  'subDealer.create': mutation<SubDealer>()(z.strictObject({ draft: subDealerDraft })),
  'subDealer.update': mutation<SubDealer>()(updateOf(subDealerDraft)),
  'subDealer.delete': mutation<{ deleted: true; archived?: true }>()(z.strictObject({ id, disposition: outletDisposition })),

  'terminal.list': query<Page<Terminal>>()(terminalListInput),
  'terminal.get': query<Terminal>()(byId),
  'terminal.create': mutation<Terminal>()(z.strictObject({ draft: terminalDraft })),
  'terminal.update': mutation<Terminal>()(updateOf(terminalDraft)),
  'terminal.delete': mutation<{ deleted: true; archived?: true }>()(byId),

  'contact.list': query<Contact[]>()(z.strictObject({ ownerType: z.enum(CONTACT_OWNERS), ownerId: id })),
  'contact.create': mutation<Contact>()(z.strictObject({ draft: contactDraft })),
  'contact.update': mutation<Contact>()(updateOf(contactDraft)),
  'contact.delete': mutation<{ deleted: true }>()(byId),

  'product.list': query<Product[]>()(z.strictObject({ search, status: z.enum(PRODUCT_STATUSES).optional() })),
  'product.create': mutation<Product>()(z.strictObject({ draft: productDraft })),
  'product.update': mutation<Product>()(updateOf(productDraft)),
  'product.delete': mutation<{ deleted: true; archived?: true }>()(byId),
} as const;
