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

/** A header without its parenthesised unit or note: "仓库容量（箱）" and "Lead time (days)" read as their name. */
const withoutNote = (text: string) => normaliseHeader(text.replace(/\s*[(（][^()（）]*[)）]\s*/g, ' '));

/**
 * Suggests, for each field, the file column whose header matches one of its aliases: first the whole
 * header, then the header without a note in brackets.
 */
export function suggestMapping(defs: FieldDef[], headers: string[]): Record<string, number | null> {
  const forms = [headers.map(normaliseHeader), headers.map(withoutNote)];
  const used = new Set<number>();
  const mapping: Record<string, number | null> = {};
  const aliasesOf = new Map(defs.map((d) => [d.key, new Set(d.aliases.map(normaliseHeader))]));
  for (const def of defs) mapping[def.key] = null;
  for (const normalised of forms) {
    for (const def of defs) {
      if (mapping[def.key] !== null) continue;
      const aliases = aliasesOf.get(def.key)!;
      const index = normalised.findIndex((h, i) => !used.has(i) && aliases.has(h));
      if (index >= 0) {
        mapping[def.key] = index;
        used.add(index);
      }
    }
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
