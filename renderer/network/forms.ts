import type { TFunction } from 'i18next';
import type {
  Area,
  Contact,
  ContactDraft,
  Distributor,
  DistributorDraft,
  Product,
  ProductDraft,
  Region,
  Staff,
  StaffDraft,
  SubDealer,
  SubDealerDraft,
  Terminal,
  TerminalDraft,
} from '../../shared/contract/network.js';
import {
  CONTACT_LEVELS,
  DISTRIBUTOR_STATUSES,
  OUTLET_STATUSES,
  PRODUCT_PACKS,
  PRODUCT_STATUSES,
  STAFF_ROLES,
  TERMINAL_CHANNELS,
  type ContactOwner,
} from '../../shared/domain/network.js';
import { toNumber, toText, type FormFieldSpec, type FormValues } from './EntityFormDialog.js';

type Option = { value: string | number; label: string };
type Options = { areas: Option[]; regions: Option[]; salespeople: Option[]; distributors: Option[] };
const vocab = (t: TFunction, values: readonly (string | number)[], prefix: string): Option[] =>
  values.map((v) => ({ value: v, label: t(`network:${prefix}.${v}`) }));

// ---- distributor
export const distributorFields = (t: TFunction, o: Options): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.code'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'areaId', label: t('network:field.area'), kind: 'select', options: o.areas, numeric: true, required: true },
  { key: 'salespersonId', label: t('network:field.salesperson'), kind: 'select', options: o.salespeople, numeric: true },
  { key: 'address', label: t('network:field.address'), kind: 'text', span2: true },
  { key: 'leadTimeDays', label: t('network:field.leadTimeDays'), kind: 'number', required: true, hint: t('network:hint.leadTime') },
  { key: 'warehouseCapacityCases', label: t('network:field.warehouseCapacityCases'), kind: 'number', required: true },
  {
    key: 'relationshipLevel',
    label: t('network:field.relationshipLevel'),
    kind: 'select',
    options: vocab(t, [1, 2, 3], 'relationship'),
    numeric: true,
    required: true,
  },
  {
    key: 'status',
    label: t('network:field.status'),
    kind: 'select',
    options: vocab(t, DISTRIBUTOR_STATUSES, 'distributorStatus'),
    required: true,
  },
  { key: 'startDate', label: t('network:field.startDate'), kind: 'date' },
];
export const distributorInitial = (d?: Distributor): FormValues => ({
  code: d?.code ?? '',
  name: d?.name ?? '',
  areaId: d?.areaId ?? null,
  salespersonId: d?.salespersonId ?? null,
  address: d?.address ?? '',
  leadTimeDays: d?.leadTimeDays ?? 7,
  warehouseCapacityCases: d?.warehouseCapacityCases ?? 10000,
  relationshipLevel: d?.relationshipLevel ?? 1,
  status: d?.status ?? 'active',
  startDate: d?.startDate ?? '',
});
export const distributorDraftOf = (v: FormValues): DistributorDraft => ({
  code: String(v.code ?? ''),
  name: String(v.name ?? ''),
  areaId: toNumber(v.areaId) as number,
  salespersonId: toNumber(v.salespersonId),
  address: toText(v.address),
  leadTimeDays: toNumber(v.leadTimeDays) as number,
  warehouseCapacityCases: toNumber(v.warehouseCapacityCases) as number,
  relationshipLevel: toNumber(v.relationshipLevel) as 1 | 2 | 3,
  status: v.status as DistributorDraft['status'],
  startDate: toText(v.startDate),
});

// ---- outlets
const outletFields = (t: TFunction, o: Options): FormFieldSpec[] => [
  { key: 'areaId', label: t('network:field.area'), kind: 'select', options: o.areas, numeric: true, required: true },
  { key: 'status', label: t('network:field.status'), kind: 'select', options: vocab(t, OUTLET_STATUSES, 'outletStatus'), required: true },
  { key: 'competitorBrand', label: t('network:field.competitorBrand'), kind: 'text', hint: t('network:hint.competitor') },
  { key: 'address', label: t('network:field.address'), kind: 'text', span2: true },
  { key: 'latitude', label: t('network:field.latitude'), kind: 'decimal' },
  { key: 'longitude', label: t('network:field.longitude'), kind: 'decimal' },
];
const outletInitial = (o?: SubDealer | Terminal) => ({
  code: o?.code ?? '',
  name: o?.name ?? '',
  areaId: o?.areaId ?? null,
  status: o?.status ?? 'active',
  competitorBrand: o?.competitorBrand ?? '',
  address: o?.address ?? '',
  latitude: o?.latitude ?? null,
  longitude: o?.longitude ?? null,
});
const outletDraftOf = (v: FormValues) => ({
  code: String(v.code ?? ''),
  name: String(v.name ?? ''),
  areaId: toNumber(v.areaId) as number,
  status: v.status as SubDealerDraft['status'],
  competitorBrand: toText(v.competitorBrand),
  address: toText(v.address),
  latitude: toNumber(v.latitude),
  longitude: toNumber(v.longitude),
});

export const subDealerFields = (t: TFunction, o: Options): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.code'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'distributorId', label: t('network:field.distributor'), kind: 'select', options: o.distributors, numeric: true, required: true },
  ...outletFields(t, o),
];
export const subDealerInitial = (s?: SubDealer, distributorId?: number, areaId?: number): FormValues => ({
  ...outletInitial(s),
  distributorId: s?.distributorId ?? distributorId ?? null,
  areaId: s?.areaId ?? areaId ?? null,
});
export const subDealerDraftOf = (v: FormValues): SubDealerDraft => ({
  ...outletDraftOf(v),
  distributorId: toNumber(v.distributorId) as number,
});

export const terminalFields = (
  t: TFunction,
  o: Options & { subDealers: Option[] },
  supplier: 'subDealer' | 'distributor',
): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.code'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'channel', label: t('network:field.channel'), kind: 'select', options: vocab(t, TERMINAL_CHANNELS, 'channel'), required: true },
  {
    key: 'supplier',
    label: t('network:field.suppliedBy'),
    kind: 'select',
    options: [
      { value: 'subDealer', label: t('network:supplier.subDealer') },
      { value: 'distributor', label: t('network:supplier.distributor') },
    ],
    required: true,
  },
  {
    key: 'networkDistributorId',
    label: t('network:field.distributor'),
    kind: 'select',
    options: o.distributors,
    numeric: true,
    required: true,
  },
  {
    key: 'subDealerId',
    label: t('network:field.subDealer'),
    kind: 'select',
    options: o.subDealers,
    numeric: true,
    required: true,
    hidden: supplier !== 'subDealer',
  },
  ...outletFields(t, o),
];
export const terminalInitial = (x?: Terminal, distributorId?: number, subDealerId?: number, areaId?: number): FormValues => ({
  ...outletInitial(x),
  channel: x?.channel ?? 'convenience',
  supplier: x ? (x.subDealerId ? 'subDealer' : 'distributor') : subDealerId ? 'subDealer' : 'subDealer',
  networkDistributorId: x?.networkDistributorId ?? distributorId ?? null,
  subDealerId: x?.subDealerId ?? subDealerId ?? null,
  areaId: x?.areaId ?? areaId ?? null,
});
export const terminalDraftOf = (v: FormValues): TerminalDraft => ({
  ...outletDraftOf(v),
  channel: v.channel as TerminalDraft['channel'],
  subDealerId: v.supplier === 'subDealer' ? toNumber(v.subDealerId) : null,
  distributorId: v.supplier === 'distributor' ? toNumber(v.networkDistributorId) : null,
});

// ---- products
export const productFields = (t: TFunction): FormFieldSpec[] => [
  { key: 'sku', label: t('network:field.sku'), kind: 'text', required: true },
  { key: 'brand', label: t('network:field.brand'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true, span2: true },
  { key: 'pack', label: t('network:field.pack'), kind: 'select', options: vocab(t, PRODUCT_PACKS, 'pack'), required: true },
  { key: 'sizeMl', label: t('network:field.sizeMl'), kind: 'number', required: true },
  { key: 'unitsPerCase', label: t('network:field.unitsPerCase'), kind: 'number', required: true },
  { key: 'status', label: t('network:field.status'), kind: 'select', options: vocab(t, PRODUCT_STATUSES, 'productStatus'), required: true },
  { key: 'launchDate', label: t('network:field.launchDate'), kind: 'date' },
];
export const productInitial = (p?: Product): FormValues => ({
  sku: p?.sku ?? '',
  brand: p?.brand ?? '',
  name: p?.name ?? '',
  pack: p?.pack ?? 'bottle',
  sizeMl: p?.sizeMl ?? 500,
  unitsPerCase: p?.unitsPerCase ?? 12,
  status: p?.status ?? 'new',
  launchDate: p?.launchDate ?? '',
});
export const productDraftOf = (v: FormValues): ProductDraft => ({
  sku: String(v.sku ?? ''),
  brand: String(v.brand ?? ''),
  name: String(v.name ?? ''),
  pack: v.pack as ProductDraft['pack'],
  sizeMl: toNumber(v.sizeMl) as number,
  unitsPerCase: toNumber(v.unitsPerCase) as number,
  status: v.status as ProductDraft['status'],
  launchDate: toText(v.launchDate),
});

// ---- staff
export const staffFields = (t: TFunction, o: Options): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.employeeCode'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'role', label: t('network:field.role'), kind: 'select', options: vocab(t, STAFF_ROLES, 'role'), required: true },
  { key: 'regionId', label: t('network:field.region'), kind: 'select', options: o.regions, numeric: true, required: true },
  {
    key: 'areaIds',
    label: t('network:field.areas'),
    kind: 'multiselect',
    options: o.areas,
    span2: true,
    hint: t('network:hint.multiselect'),
  },
  { key: 'phone', label: t('network:field.phone'), kind: 'text' },
  { key: 'email', label: t('network:field.email'), kind: 'text' },
  { key: 'active', label: t('network:field.active'), kind: 'checkbox', span2: true },
];
export const staffInitial = (s?: Staff): FormValues => ({
  code: s?.code ?? '',
  name: s?.name ?? '',
  role: s?.role ?? 'salesperson',
  regionId: s?.regionId ?? null,
  areaIds: s?.areaIds ?? [],
  phone: s?.phone ?? '',
  email: s?.email ?? '',
  active: s?.active ?? true,
});
export const staffDraftOf = (v: FormValues): StaffDraft => ({
  code: String(v.code ?? ''),
  name: String(v.name ?? ''),
  role: v.role as StaffDraft['role'],
  regionId: toNumber(v.regionId) as number,
  areaIds: (v.areaIds as number[]) ?? [],
  phone: toText(v.phone),
  email: toText(v.email),
  active: v.active === true,
});

// ---- regions and areas
export const regionFields = (t: TFunction): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.code'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'peakMonths', label: t('network:field.peakMonths'), kind: 'months', required: true },
  { key: 'timeZone', label: t('rules:field.timeZone'), kind: 'text', hint: t('rules:hint.timeZone') },
];
export const regionInitial = (r?: Region): FormValues => ({
  code: r?.code ?? '',
  name: r?.name ?? '',
  peakMonths: r?.peakMonths ?? [5, 6, 7, 8, 9],
  timeZone: r?.timeZone ?? '',
});
export const areaFields = (t: TFunction, o: Options): FormFieldSpec[] => [
  { key: 'code', label: t('network:field.code'), kind: 'text', required: true },
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  { key: 'regionId', label: t('network:field.region'), kind: 'select', options: o.regions, numeric: true, required: true },
];
export const areaInitial = (a?: Area, regionId?: number): FormValues => ({
  code: a?.code ?? '',
  name: a?.name ?? '',
  regionId: a?.regionId ?? regionId ?? null,
});

// ---- contacts
export const contactFields = (t: TFunction): FormFieldSpec[] => [
  { key: 'name', label: t('network:field.name'), kind: 'text', required: true },
  {
    key: 'level',
    label: t('network:field.level'),
    kind: 'select',
    options: vocab(t, CONTACT_LEVELS, 'level'),
    required: true,
    hint: t('network:hint.level'),
  },
  { key: 'role', label: t('network:field.jobTitle'), kind: 'text' },
  { key: 'phone', label: t('network:field.phone'), kind: 'text' },
  { key: 'email', label: t('rules:field.email'), kind: 'text', hint: t('rules:hint.email') },
];
export const contactInitial = (c?: Contact): FormValues => ({
  name: c?.name ?? '',
  level: c?.level ?? 'purchasing',
  role: c?.role ?? '',
  phone: c?.phone ?? '',
  email: c?.email ?? '',
});
export const contactDraftOf = (v: FormValues, ownerType: ContactOwner, ownerId: number): ContactDraft => ({
  ownerType,
  ownerId,
  name: String(v.name ?? ''),
  level: v.level as ContactDraft['level'],
  role: toText(v.role),
  phone: toText(v.phone),
  email: toText(v.email),
});
