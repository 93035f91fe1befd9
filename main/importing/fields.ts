import type { FieldKind, ImportFieldInfo } from '../../shared/domain/importing.js';

export type RefTable = 'regions' | 'areas' | 'staff' | 'distributors' | 'sub_dealers' | 'terminals' | 'products';

/** One importable column: how users may title it (in the four languages) and how its text is read. */
export interface FieldDef {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** Header names as they appear in real sheets: English, Chinese, Spanish, Russian. */
  aliases: string[];
  /** enum: canonical value -> the words users write for it in any language. */
  values?: Record<string, string[]>;
  /** reference: the table whose code (or name) the cell holds. */
  ref?: RefTable;
  hint?: string;
}

export function field(key: string, kind: FieldKind, required: boolean, aliases: string[], extra: Partial<FieldDef> = {}): FieldDef {
  return { key, kind, required, aliases: [key, ...aliases], ...extra };
}

/** Header comparison ignores case, spaces, punctuation and full-width forms. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:/\\()（）[\]#*]+/g, '');
}

export function fieldInfo(defs: FieldDef[], entity: string): ImportFieldInfo[] {
  return defs.map((d) => ({
    key: d.key,
    labelKey: `import.field.${entity}.${d.key}`,
    kind: d.kind,
    required: d.required,
    ...(d.values ? { values: Object.keys(d.values) } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}

/** Suggests, for each field, the file column whose header matches one of its aliases. */
export function suggestMapping(defs: FieldDef[], headers: string[]): Record<string, number | null> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  for (const def of defs) {
    const aliases = def.aliases.map(normaliseHeader);
    const index = normalised.findIndex((h, i) => !used.has(i) && aliases.includes(h));
    mapping[def.key] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  return mapping;
}

// Aliases shared by several entities.
export const A = {
  code: ['code', 'id', '编码', '代码', '编号', 'código', 'codigo', 'код'],
  name: ['name', '名称', '姓名', 'nombre', 'название', 'наименование', 'имя'],
  area: ['area', 'area code', '区域', '片区', 'área', 'zona', 'район', 'территория', 'код района'],
  region: ['region', 'region code', '大区', '区域名称', 'región', 'регион'],
  address: ['address', '地址', 'dirección', 'direccion', 'адрес'],
  status: ['status', '状态', 'estado', 'статус'],
  phone: ['phone', 'telephone', 'mobile', '电话', '手机', 'teléfono', 'telefono', 'телефон'],
  competitor: ['competitor brand', 'competitor', '竞品品牌', '竞品', 'marca competidora', 'competidor', 'бренд конкурента', 'конкурент'],
  latitude: ['latitude', 'lat', '纬度', 'latitud', 'широта'],
  longitude: ['longitude', 'lng', 'lon', '经度', 'longitud', 'долгота'],
  distributor: [
    'distributor',
    'distributor code',
    '经销商',
    '经销商编码',
    'distribuidor',
    'código distribuidor',
    'дистрибьютор',
    'код дистрибьютора',
  ],
  subDealer: ['sub-dealer', 'subdealer', 'sub dealer code', '二批商', '分销商', 'subdistribuidor', 'субдилер', 'код субдилера'],
};

export const OUTLET_STATUS_VALUES = {
  prospect: ['prospect', '潜在', '意向', 'prospecto', 'потенциальный'],
  active: ['active', '活跃', '合作中', '正常', 'activo', 'activa', 'активный', 'активен'],
  lost: ['lost', '流失', 'perdido', 'perdida', 'потерян', 'потерянный'],
};
