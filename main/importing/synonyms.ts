import type { ImportEntity } from '../../shared/domain/importing.js';

type Language = 'en' | 'zh' | 'es' | 'ru';

/**
 * Column titles met in real sheets, per entity, field and language, beyond the base names each field
 * lists in its definition: the variants offices write (交货期, 提前期, 关系级别) and the titles the app's
 * own exports and templates use in each language (tests/unit/importing-headers.test.ts holds every
 * locale's titles to map back). Matching ignores case, spaces, punctuation and a note in brackets.
 */
export const SYNONYMS: Partial<Record<ImportEntity, Record<string, Partial<Record<Language, string[]>>>>> = {
  regions: {
    peakMonths: {
      en: ['peak season months', 'high season'],
      zh: ['旺季月', '销售旺季'],
      es: ['meses de temporada alta'],
      ru: ['месяцы высокого сезона'],
    },
  },
  staff: {
    code: { en: ['employee code', 'staff code'], zh: ['员工编号', '员工编码'], es: ['código de empleado'], ru: ['код сотрудника'] },
    areas: { en: ['areas covered'], zh: ['区域', '负责片区'], es: ['zonas'], ru: ['закреплённые районы'] },
    email: { ru: ['эл. почта', 'электронная почта', 'email'] },
    active: { en: ['still employed'], zh: ['是否在职'], es: ['en activo'], ru: ['работает в компании', 'работает'] },
  },
  distributors: {
    leadTimeDays: {
      en: ['delivery time', 'lead days'],
      zh: ['交货期', '提前期', '到货周期', '交货天数', '送货周期'],
      es: ['plazo'],
      ru: ['срок доставки'],
    },
    warehouseCapacityCases: {
      en: ['storage capacity'],
      zh: ['仓容', '仓储容量'],
      es: ['capacidad del almacén'],
      ru: ['ёмкость', 'вместимость'],
    },
    relationshipLevel: { en: ['relationship tier'], zh: ['关系级别', '客情级别', '客情等级'], es: ['nivel'], ru: ['уровень'] },
    startDate: { en: ['customer since'], zh: ['合作起始日期'], es: ['cliente desde'], ru: ['клиент с'] },
  },
  contacts: {
    ownerType: { zh: ['所属'], es: ['pertenece a'], ru: ['принадлежит'] },
    level: {
      en: ['level in the organisation'],
      zh: ['在客户组织中的层级', '职级'],
      es: ['nivel en su organización'],
      ru: ['уровень в организации'],
    },
  },
  stockSnapshots: {
    cases: { en: ['cases on hand', 'stock cases'], zh: ['箱数', '库存量'], es: ['cajas'], ru: ['остаток коробок'] },
    date: { es: ['fecha del recuento', 'fecha de inventario'], ru: ['дата пересчёта'] },
  },
  shipments: {
    arrivalDate: { zh: ['预计到货日期'], es: ['llegada prevista'], ru: ['ожидаемое прибытие'] },
  },
};

/** Every synonym of one field, all languages together. */
export function synonymsOf(entity: ImportEntity, field: string): string[] {
  return Object.values(SYNONYMS[entity]?.[field] ?? {}).flat();
}
