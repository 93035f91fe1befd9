/**
 * The network's import and export definitions (regions, areas, staff, distributors, sub-dealers,
 * terminals, contacts, products); the importer (main/importing) reads any entity through EntityDef.
 */
import { z } from 'zod';
import {
  areaDraft,
  contactDraft,
  distributorDraft,
  productDraft,
  regionDraft,
  staffDraft,
  subDealerDraft,
  terminalDraft,
} from '../../shared/contract/network.js';
import { prepared, type Db } from '../db/open.js';
import { createArea, updateArea } from './areas.js';
import { createContact, updateContact } from './contacts.js';
import { createDistributor, updateDistributor } from './distributors.js';
import { createProduct, updateProduct } from './products.js';
import { createRegion, updateRegion } from './regions.js';
import { createStaff, updateStaff } from './staff.js';
import { createSubDealer, updateSubDealer } from './subDealers.js';
import { createTerminal, updateTerminal } from './terminals.js';
import { withTerminalSearchDeferred } from './search-index.js';
import { A, field, OUTLET_STATUS_VALUES } from '../importing/fields.js';
import type { ImportSensitiveCode } from '../../shared/contract/importing.js';
import { areaInRegions, inRegions, staffInRegions } from '../people/readScope.js';
import type { EntityDef, ExportRow, RefResolver, Values } from '../importing/entities.js';

/** What the area and distributor definitions save: their schema's output. */
type AreaSaved = Parameters<typeof createArea>[1];
type DistributorSaved = Parameters<typeof createDistributor>[1];

/** A record counted in a signed-off (agreed) target plan: changing it changes what was agreed. */
function inAgreedTargets(db: Db, column: 'distributor_id' | 'product_id', id: number): boolean {
  const agreedTable =
    column === 'distributor_id'
      ? " OR EXISTS (SELECT 1 FROM target_agreed a JOIN target_plans p ON p.id = a.plan_id WHERE p.status = 'agreed' AND a.distributor_id = ?)"
      : '';
  const sql = `SELECT EXISTS (SELECT 1 FROM target_cells c JOIN target_plans p ON p.id = c.plan_id WHERE p.status = 'agreed' AND c.${column} = ?)${agreedTable}`;
  const params = column === 'distributor_id' ? [id, id] : [id];
  return (
    prepared(db, sql)
      .pluck()
      .get(...params) === 1
  );
}

const regionOfArea = (db: Db, areaId: number) =>
  prepared(db, 'SELECT region_id FROM areas WHERE id = ?').pluck().get(areaId) as number | undefined;

const enumOf = (values: Record<string, string[]>) => ({ values });

export const regions: EntityDef = {
  name: 'regions',
  fields: [
    field('code', 'text', true, A.code),
    field('name', 'text', true, A.name),
    field(
      'peakMonths',
      'list',
      true,
      ['peak months', 'peak', '旺季月份', '旺季', 'meses pico', 'temporada alta', 'пиковые месяцы', 'сезон'],
      {
        hint: '5,6,7,8,9',
      },
    ),
  ],
  key: { field: 'code', table: 'regions' },
  schema: regionDraft,
  toDraft: (v) => ({
    code: v.code,
    name: v.name,
    peakMonths: Array.isArray(v.peakMonths) ? v.peakMonths.flatMap(expandMonthRange) : v.peakMonths,
  }),
  save: (db, id, d: Parameters<typeof createRegion>[1]) => (id ? updateRegion(db, id, d) : createRegion(db, d)).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT r.code, r.name, (SELECT group_concat(month) FROM (SELECT month FROM region_peak_months WHERE region_id = r.id ORDER BY month)) AS peakMonths FROM regions r
       WHERE ${inRegions('r.id', scope)} ORDER BY r.code`,
    ).all() as ExportRow[],
};

/** "5-9" in a peak-months cell means May to September. */
function expandMonthRange(part: unknown): unknown[] {
  const m = /^(\d{1,2})\s*[-–~]\s*(\d{1,2})$/.exec(String(part));
  if (!m) return [Number(part)];
  const [from, to] = [Number(m[1]), Number(m[2])];
  const out: number[] = [];
  for (let i = from; i !== to + 1 && out.length < 12; i = (i % 12) + 1) out.push(i);
  return out;
}

export const areas: EntityDef = {
  name: 'areas',
  fields: [
    field('code', 'text', true, A.code),
    field('name', 'text', true, A.name),
    field('region', 'reference', true, A.region, { ref: 'regions' }),
  ],
  key: { field: 'code', table: 'areas' },
  schema: areaDraft,
  toDraft: (v, ref) => ({ code: v.code, name: v.name, regionId: ref('region', 'regions', 'region') }),
  // Moving an area moves every distributor and outlet in it under another region's manager and targets.
  sensitive: (_db, _id, before: AreaSaved, after: AreaSaved) => (before.regionId !== after.regionId ? ['region_change'] : []),
  save: (db, id, d: Parameters<typeof createArea>[1]) => (id ? updateArea(db, id, d) : createArea(db, d)).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT a.code, a.name, r.code AS region FROM areas a JOIN regions r ON r.id = a.region_id WHERE ${inRegions('a.region_id', scope)} ORDER BY a.code`,
    ).all() as ExportRow[],
};

const STAFF_ROLES = {
  regional_manager: ['regional manager', 'manager', '区域经理', '经理', 'gerente regional', 'gerente', 'региональный менеджер', 'менеджер'],
  logistics_coordinator: [
    'logistics coordinator',
    'logistics',
    '物流协调员',
    '物流',
    'coordinador logístico',
    'logística',
    'координатор логистики',
    'логист',
  ],
  salesperson: ['salesperson', 'sales', 'sales rep', '业务员', '销售', 'vendedor', 'comercial', 'торговый представитель', 'продавец'],
};

export const staff: EntityDef = {
  name: 'staff',
  fields: [
    field('code', 'text', true, [...A.code, 'employee number', '工号', 'número de empleado', 'табельный номер']),
    field('name', 'text', true, A.name),
    field('role', 'enum', true, ['role', 'position', '职位', '岗位', 'puesto', 'cargo', 'должность', 'роль'], enumOf(STAFF_ROLES)),
    field('region', 'reference', true, A.region, { ref: 'regions' }),
    field('areas', 'list', false, ['areas', 'area codes', '负责区域', 'áreas', 'районы'], { hint: 'area_codes_list' }),
    field('phone', 'text', false, A.phone),
    field('email', 'text', false, ['email', 'e-mail', '邮箱', 'correo', 'почта']),
    field('active', 'boolean', false, ['active', '在职', 'activo', 'активен']),
  ],
  key: { field: 'code', table: 'staff' },
  schema: staffDraft,
  toDraft(v, ref) {
    const areaIds = Array.isArray(v.areas) ? v.areas.map((code) => ref('areas', 'areas', 'area', String(code)) ?? 0) : [];
    return {
      code: v.code,
      name: v.name,
      role: v.role,
      regionId: ref('region', 'regions', 'region'),
      areaIds,
      phone: v.phone,
      email: v.email,
      active: v.active ?? true,
    };
  },
  save: (db, id, d: Parameters<typeof createStaff>[1]) => (id ? updateStaff(db, id, d) : createStaff(db, d)).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.code, s.name, s.role, r.code AS region,
        (SELECT group_concat(a.code, ';') FROM staff_areas sa JOIN areas a ON a.id = sa.area_id WHERE sa.staff_id = s.id) AS areas,
        s.phone, s.email, CASE s.active WHEN 1 THEN 'yes' ELSE 'no' END AS active
       FROM staff s JOIN regions r ON r.id = s.region_id WHERE ${staffInRegions('s.id', scope)} ORDER BY s.code`,
    ).all() as ExportRow[],
};

export const distributors: EntityDef = {
  name: 'distributors',
  fields: [
    field('code', 'text', true, [...A.code, 'distributor code', '经销商编码']),
    field('name', 'text', true, [...A.name, 'distributor', '经销商名称', 'distribuidor', 'дистрибьютор']),
    field('area', 'reference', true, A.area, { ref: 'areas' }),
    field('address', 'text', false, A.address),
    field('salesperson', 'reference', false, ['salesperson', 'sales rep', '业务员', '负责业务员', 'vendedor', 'торговый представитель'], {
      ref: 'staff',
    }),
    field('leadTimeDays', 'integer', true, [
      'lead time',
      'lead time days',
      '交货周期',
      '到货天数',
      'plazo de entrega',
      'días de entrega',
      'срок поставки',
      'дней поставки',
    ]),
    field('warehouseCapacityCases', 'integer', true, [
      'warehouse capacity',
      'capacity',
      '仓库容量',
      '库容',
      'capacidad de almacén',
      'capacidad',
      'вместимость склада',
      'ёмкость склада',
    ]),
    field(
      'relationshipLevel',
      'integer',
      true,
      ['relationship level', 'relationship', '关系层级', '关系等级', 'nivel de relación', 'уровень отношений'],
      { hint: 'relationship_levels' },
    ),
    field(
      'status',
      'enum',
      true,
      A.status,
      enumOf({
        active: OUTLET_STATUS_VALUES.active,
        on_hold: ['on hold', 'hold', 'paused', '暂停', 'en pausa', 'suspendido', 'приостановлен'],
        ended: ['ended', 'terminated', '终止', '已终止', 'terminado', 'finalizado', 'прекращён', 'прекращен'],
      }),
    ),
    field('startDate', 'date', false, ['start date', 'since', '合作开始日期', '开始日期', 'fecha de inicio', 'дата начала']),
  ],
  key: { field: 'code', table: 'distributors' },
  schema: distributorDraft,
  toDraft: (v, ref) => ({
    code: v.code,
    name: v.name,
    areaId: ref('area', 'areas', 'area'),
    address: v.address,
    salespersonId: ref('salesperson', 'staff', 'staff member') ?? null,
    leadTimeDays: v.leadTimeDays,
    warehouseCapacityCases: v.warehouseCapacityCases,
    relationshipLevel: v.relationshipLevel,
    status: v.status,
    startDate: v.startDate,
  }),
  sensitive(db, id, before: DistributorSaved, after: DistributorSaved) {
    const codes: ImportSensitiveCode[] = [];
    if (before.areaId !== after.areaId && regionOfArea(db, before.areaId) !== regionOfArea(db, after.areaId)) codes.push('region_change');
    if (inAgreedTargets(db, 'distributor_id', id)) codes.push('agreed_targets');
    return codes;
  },
  save: (db, id, d: Parameters<typeof createDistributor>[1]) => (id ? updateDistributor(db, id, d) : createDistributor(db, d)).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT d.code, d.name, a.code AS area, d.address, sp.code AS salesperson, d.lead_time_days AS leadTimeDays,
        d.warehouse_capacity_cases AS warehouseCapacityCases, d.relationship_level AS relationshipLevel, d.status, d.start_date AS startDate
       FROM distributors d JOIN areas a ON a.id = d.area_id LEFT JOIN staff sp ON sp.id = d.salesperson_id
       WHERE ${inRegions('a.region_id', scope)} ORDER BY d.code`,
    ).all() as ExportRow[],
};

const outletFields = [
  field('area', 'reference', true, A.area, { ref: 'areas' }),
  field('address', 'text', false, A.address),
  field('status', 'enum', true, A.status, enumOf(OUTLET_STATUS_VALUES)),
  field('competitorBrand', 'text', false, A.competitor),
  field('latitude', 'decimal', false, A.latitude),
  field('longitude', 'decimal', false, A.longitude),
];
const outletDraft = (v: Values, ref: RefResolver) => ({
  code: v.code,
  name: v.name,
  areaId: ref('area', 'areas', 'area'),
  address: v.address,
  status: v.status,
  competitorBrand: v.competitorBrand,
  latitude: v.latitude,
  longitude: v.longitude,
});

export const subDealers: EntityDef = {
  name: 'subDealers',
  fields: [
    field('code', 'text', true, [...A.code, 'sub-dealer code', '二批商编码']),
    field('name', 'text', true, [...A.name, 'sub-dealer', '二批商名称']),
    field('distributor', 'reference', true, A.distributor, { ref: 'distributors' }),
    ...outletFields,
  ],
  key: { field: 'code', table: 'sub_dealers' },
  schema: subDealerDraft,
  toDraft: (v, ref) => ({ ...outletDraft(v, ref), distributorId: ref('distributor', 'distributors', 'distributor') }),
  save: (db, id, d: Parameters<typeof createSubDealer>[1]) => (id ? updateSubDealer(db, id, d) : createSubDealer(db, d)).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.code, s.name, d.code AS distributor, a.code AS area, s.address, s.status, s.competitor_brand AS competitorBrand, s.latitude, s.longitude
       FROM sub_dealers s JOIN distributors d ON d.id = s.distributor_id JOIN areas a ON a.id = s.area_id
       WHERE ${areaInRegions('d.area_id', scope)} ORDER BY s.code`,
    ).all() as ExportRow[],
};

export const terminals: EntityDef = {
  name: 'terminals',
  fields: [
    field('code', 'text', true, [...A.code, 'terminal code', '终端编码', 'código del punto de venta', 'код точки']),
    field('name', 'text', true, [...A.name, 'terminal', 'outlet', '终端名称', '门店', 'punto de venta', 'торговая точка']),
    field(
      'channel',
      'enum',
      true,
      ['channel', '渠道', 'canal', 'канал'],
      enumOf({
        restaurant: ['restaurant', '餐饮', '餐厅', 'restaurante', 'ресторан'],
        bar_night: ['bar', 'night venue', 'bar/night', 'nightclub', '酒吧', '夜场', 'bar nocturno', 'бар', 'ночной клуб'],
        supermarket: ['supermarket', 'hypermarket', '商超', '超市', 'supermercado', 'супермаркет'],
        convenience: ['convenience', 'grocery', '便利店', '食杂店', 'tienda de conveniencia', 'tienda', 'магазин у дома', 'продуктовый'],
        kiosk: ['kiosk', 'street kiosk', '报亭', '街边摊', 'quiosco', 'киоск', 'ларёк'],
        other: ['other', '其他', 'otro', 'другое'],
      }),
    ),
    field('subDealer', 'reference', false, A.subDealer, { ref: 'sub_dealers' }),
    field('distributor', 'reference', false, ['direct distributor', ...A.distributor], {
      ref: 'distributors',
      hint: 'direct_supply_only',
    }),
    ...outletFields,
  ],
  key: { field: 'code', table: 'terminals' },
  schema: terminalDraft,
  toDraft: (v, ref) => ({
    ...outletDraft(v, ref),
    channel: v.channel,
    subDealerId: ref('subDealer', 'sub_dealers', 'sub-dealer') ?? null,
    // A sheet that names both: the sub-dealer supplies it, the distributor column only documents the network.
    distributorId: v.subDealer ? null : (ref('distributor', 'distributors', 'distributor') ?? null),
  }),
  save: (db, id, d: Parameters<typeof createTerminal>[1]) => (id ? updateTerminal(db, id, d) : createTerminal(db, d)).id,
  // A large sheet (a tenth of the network or more) rebuilds the search index once instead of row by row.
  bulkWrite: (db, rows, write) => {
    const existing = (prepared(db, 'SELECT max(id) FROM terminals').pluck().get() as number | null) ?? 0;
    return rows >= 1000 && rows * 10 >= existing ? withTerminalSearchDeferred(db, write) : write();
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT t.code, t.name, t.channel, s.code AS subDealer, d.code AS distributor, a.code AS area, t.address, t.status,
        t.competitor_brand AS competitorBrand, t.latitude, t.longitude
       FROM terminals t LEFT JOIN sub_dealers s ON s.id = t.sub_dealer_id LEFT JOIN distributors d ON d.id = t.distributor_id
       JOIN areas a ON a.id = t.area_id
       WHERE (d.id IS NOT NULL AND ${areaInRegions('d.area_id', scope)}) OR (d.id IS NULL AND ${inRegions('a.region_id', scope)}) ORDER BY t.code`,
    ).all() as ExportRow[],
};

type ContactSaved = Parameters<typeof createContact>[1] & { ownerType: string; ownerId: number; name: string };
/** A contact row of a sheet: the planner's contact number when the sheet came from its export. */
type ContactRow = ContactSaved & { contactId?: number | null };
const contactRow = contactDraft.extend({ contactId: z.int().positive().nullish() });
const contactKey = (ownerType: string, ownerId: number, name: string) => `${ownerType}:${ownerId}:${name.trim().toLowerCase()}`;

const CONTACT_OWNER_TABLE = { distributor: 'distributors', sub_dealer: 'sub_dealers', terminal: 'terminals' } as const;

export const contacts: EntityDef = {
  name: 'contacts',
  fields: [
    field('contactId', 'integer', false, [
      'contact number',
      'contact id',
      'contact no',
      '联系人编号',
      'número de contacto',
      'id de contacto',
      'номер контакта',
      'id контакта',
    ]),
    field(
      'ownerType',
      'enum',
      true,
      ['belongs to', 'owner type', '所属类型', 'tipo', 'тип владельца'],
      enumOf({
        distributor: ['distributor', '经销商', 'distribuidor', 'дистрибьютор'],
        sub_dealer: ['sub-dealer', 'subdealer', '二批商', 'subdistribuidor', 'субдилер'],
        terminal: ['terminal', 'outlet', '终端', 'punto de venta', 'торговая точка'],
      }),
    ),
    field('owner', 'reference', true, ['owner code', 'customer code', '客户编码', 'código de cliente', 'код клиента']),
    field('name', 'text', true, A.name),
    field('role', 'text', false, ['job title', 'title', '职务', 'cargo', 'должность']),
    field(
      'level',
      'enum',
      true,
      ['level', '层级', 'nivel', 'уровень'],
      enumOf({
        owner: ['owner', 'boss', '老板', 'dueño', 'propietario', 'владелец'],
        general_manager: ['general manager', 'gm', '总经理', 'gerente general', 'генеральный директор'],
        purchasing: ['purchasing', 'buyer', '采购', 'compras', 'закупки'],
        warehouse: ['warehouse', '仓库', '库管', 'almacén', 'склад'],
        sales: ['sales', '销售', 'ventas', 'продажи'],
        other: ['other', '其他', 'otro', 'другое'],
      }),
    ),
    field('phone', 'text', false, A.phone),
  ],
  key: null,
  schema: contactRow,
  // A contact is known by the planner's contact number, which exports write in their first column: two
  // people of one name at one customer stay two contacts, and a renamed one is an update. A sheet
  // without the number (a person's own list) knows a contact by whom it belongs to and its name.
  keyOf: (d: ContactRow) => (d.contactId ? `#${d.contactId}` : contactKey(d.ownerType, d.ownerId, d.name)),
  existingValues: (db) => {
    const stored = new Map<string | number, string>();
    const rows = prepared(
      db,
      `SELECT id, CASE WHEN distributor_id IS NOT NULL THEN 'distributor' WHEN sub_dealer_id IS NOT NULL THEN 'sub_dealer' ELSE 'terminal' END,
        coalesce(distributor_id, sub_dealer_id, terminal_id), name, role, level, phone FROM contacts ORDER BY id DESC`,
    )
      .raw()
      .all() as Array<[number, string, number, string, string | null, string, string | null]>;
    // By name the first of two namesakes is the one an update by name changes (ORDER BY id DESC: the lowest id is set last).
    for (const [id, type, owner, name, role, level, phone] of rows) {
      const text = JSON.stringify([name, role, level, phone, type, owner]);
      stored.set(`#${id}`, text);
      stored.set(contactKey(type, owner, name), text);
    }
    return stored;
  },
  valueText: (d: ContactRow) => JSON.stringify([d.name, d.role, d.level, d.phone, d.ownerType, d.ownerId]),
  valueFields: ['name', 'role', 'level', 'phone', 'ownerType', 'owner'],
  toDraft(v, ref) {
    const table = CONTACT_OWNER_TABLE[v.ownerType as keyof typeof CONTACT_OWNER_TABLE];
    return {
      contactId: v.contactId,
      ownerType: v.ownerType,
      ownerId: table ? ref('owner', table, String(v.ownerType).replace('_', '-')) : undefined,
      name: v.name,
      role: v.role,
      level: v.level,
      phone: v.phone,
    };
  },
  save(db, _id, row: ContactRow) {
    const { contactId, ...d } = row;
    // A numbered row changes that contact (the preview said so); a number this planner does not know adds one.
    const existing = contactId
      ? (prepared(db, 'SELECT id, email FROM contacts WHERE id = ?').get(contactId) as { id: number; email: string | null } | undefined)
      : (prepared(
          db,
          `SELECT id, email FROM contacts WHERE coalesce(distributor_id, sub_dealer_id, terminal_id) = ? AND lower(name) = lower(?)
             AND CASE WHEN distributor_id IS NOT NULL THEN 'distributor' WHEN sub_dealer_id IS NOT NULL THEN 'sub_dealer' ELSE 'terminal' END = ?
           ORDER BY id LIMIT 1`,
        ).get(d.ownerId, d.name, d.ownerType) as { id: number; email: string | null } | undefined);
    // The sheet has no e-mail column: an update keeps the stored address.
    return existing ? updateContact(db, existing.id, { ...d, email: d.email ?? existing.email }).id : createContact(db, d).id;
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT CASE WHEN c.distributor_id IS NOT NULL THEN 'distributor' WHEN c.sub_dealer_id IS NOT NULL THEN 'sub_dealer' ELSE 'terminal' END AS ownerType,
        coalesce(d.code, s.code, t.code) AS owner, c.name, c.role, c.level, c.phone, c.id AS contactId
       FROM contacts c LEFT JOIN distributors d ON d.id = c.distributor_id LEFT JOIN sub_dealers s ON s.id = c.sub_dealer_id
       LEFT JOIN terminals t ON t.id = c.terminal_id
       WHERE CASE WHEN c.distributor_id IS NOT NULL THEN ${areaInRegions('d.area_id', scope)}
         WHEN c.sub_dealer_id IS NOT NULL THEN ${areaInRegions('s.area_id', scope)} ELSE ${areaInRegions('t.area_id', scope)} END
       ORDER BY owner, c.name`,
    ).all() as ExportRow[],
};

export const products: EntityDef = {
  name: 'products',
  fields: [
    field('sku', 'text', true, ['sku', 'sku code', 'product code', '产品编码', '货号', 'código de producto', 'артикул', 'код товара']),
    field('name', 'text', true, [...A.name, 'product', '产品名称', 'producto', 'товар']),
    field('brand', 'text', true, ['brand', '品牌', 'marca', 'бренд', 'марка']),
    field(
      'pack',
      'enum',
      true,
      ['pack', 'package', '包装', 'envase', 'упаковка', 'тара'],
      enumOf({
        bottle: ['bottle', '瓶', '瓶装', 'botella', 'бутылка'],
        can: ['can', '罐', '听', '罐装', 'lata', 'банка'],
        keg: ['keg', '桶', '桶装', 'barril', 'кега'],
        other: ['other', '其他', 'otro', 'другое'],
      }),
    ),
    field('sizeMl', 'integer', true, ['size ml', 'size', 'ml', '规格', '容量', 'tamaño', 'volumen', 'объём', 'объем']),
    field('unitsPerCase', 'integer', true, ['units per case', 'pack size', '每箱数量', '箱规', 'unidades por caja', 'штук в коробке']),
    field(
      'status',
      'enum',
      true,
      A.status,
      enumOf({
        new: ['new', '新品', 'nuevo', 'новый', 'новинка'],
        active: ['active', '在售', '正常', 'activo', 'активный'],
        phase_out: ['phase out', 'phase-out', 'discontinued', '淘汰', '停产', 'descatalogado', 'выводится'],
      }),
    ),
    field('launchDate', 'date', false, ['launch date', '上市日期', 'fecha de lanzamiento', 'дата запуска']),
  ],
  key: { field: 'sku', table: 'products' },
  schema: productDraft,
  toDraft: (v) => ({ ...v }),
  sensitive: (db, id) => (inAgreedTargets(db, 'product_id', id) ? ['agreed_targets'] : []),
  save: (db, id, d: Parameters<typeof createProduct>[1]) => (id ? updateProduct(db, id, d) : createProduct(db, d)).id,
  exportRows: (db) =>
    prepared(
      db,
      `SELECT sku, name, brand, pack, size_ml AS sizeMl, units_per_case AS unitsPerCase, status, launch_date AS launchDate FROM products ORDER BY sku`,
    ).all() as ExportRow[],
};
