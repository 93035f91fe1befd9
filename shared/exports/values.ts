import type { ImportEntity } from '../domain/importing.js';
import { exportWords, type ExportLanguage } from './words.js';

/**
 * The values of the entity sheets (statuses, roles, channels, visit outcomes, relationship levels...) in the four languages,
 * worded as the screens word them. An export writes them in the user's language and the importer
 * accepts every language's word back as the code, so a sheet exported under 中文 imports back unchanged
 * (tests/unit/export-values.test.ts holds them to the screens' labels and to one code per word). They
 * cannot be read from renderer/i18n/locales: shared/ imports neither side (eslint.config.js).
 */
type Words = Record<ExportLanguage, string>;

export const VALUE_WORDS = {
  distributorStatus: {
    active: { en: 'Active', zh: '合作中', es: 'Activo', ru: 'Активен' },
    on_hold: { en: 'On hold', zh: '暂停', es: 'En pausa', ru: 'Приостановлен' },
    ended: { en: 'Ended', zh: '已终止', es: 'Finalizado', ru: 'Прекращён' },
  },
  outletStatus: {
    prospect: { en: 'Prospect', zh: '潜在', es: 'Prospecto', ru: 'Потенциальный' },
    active: { en: 'Active', zh: '活跃', es: 'Activo', ru: 'Активный' },
    lost: { en: 'Lost', zh: '流失', es: 'Perdido', ru: 'Потерян' },
  },
  productStatus: {
    new: { en: 'New', zh: '新品', es: 'Nuevo', ru: 'Новинка' },
    active: { en: 'Active', zh: '在售', es: 'Activo', ru: 'Активный' },
    phase_out: { en: 'Phase-out', zh: '淘汰', es: 'Descatalogado', ru: 'Выводится' },
  },
  channel: {
    restaurant: { en: 'Restaurant', zh: '餐饮', es: 'Restaurante', ru: 'Ресторан' },
    bar_night: { en: 'Bar / night venue', zh: '酒吧 / 夜场', es: 'Bar / ocio nocturno', ru: 'Бар / ночное заведение' },
    supermarket: { en: 'Supermarket', zh: '商超', es: 'Supermercado', ru: 'Супермаркет' },
    convenience: { en: 'Convenience / grocery', zh: '便利店 / 食杂店', es: 'Tienda de conveniencia', ru: 'Магазин у дома' },
    kiosk: { en: 'Kiosk', zh: '报亭 / 街边摊', es: 'Quiosco', ru: 'Киоск' },
    other: { en: 'Other', zh: '其他', es: 'Otro', ru: 'Другое' },
  },
  role: {
    regional_manager: { en: 'Regional manager', zh: '区域经理', es: 'Gerente regional', ru: 'Региональный менеджер' },
    logistics_coordinator: { en: 'Logistics coordinator', zh: '物流协调员', es: 'Coordinador logístico', ru: 'Координатор логистики' },
    salesperson: { en: 'Salesperson', zh: '业务员', es: 'Vendedor', ru: 'Торговый представитель' },
  },
  pack: {
    bottle: { en: 'Bottle', zh: '瓶装', es: 'Botella', ru: 'Бутылка' },
    can: { en: 'Can', zh: '罐装', es: 'Lata', ru: 'Банка' },
    keg: { en: 'Keg', zh: '桶装', es: 'Barril', ru: 'Кега' },
    other: { en: 'Other', zh: '其他', es: 'Otro', ru: 'Другое' },
  },
  contactLevel: {
    owner: { en: 'Owner', zh: '老板', es: 'Dueño', ru: 'Владелец' },
    general_manager: { en: 'General manager', zh: '总经理', es: 'Gerente general', ru: 'Генеральный директор' },
    purchasing: { en: 'Purchasing', zh: '采购', es: 'Compras', ru: 'Закупки' },
    warehouse: { en: 'Warehouse', zh: '仓库', es: 'Almacén', ru: 'Склад' },
    sales: { en: 'Sales', zh: '销售', es: 'Ventas', ru: 'Продажи' },
    other: { en: 'Other', zh: '其他', es: 'Otro', ru: 'Другое' },
  },
  purpose: {
    develop: { en: 'Development', zh: '开发', es: 'Desarrollo', ru: 'Развитие' },
    service: { en: 'Service', zh: '服务', es: 'Servicio', ru: 'Обслуживание' },
    collect: { en: 'Collection', zh: '收款', es: 'Cobro', ru: 'Сбор оплаты' },
    promotion: { en: 'Promotion', zh: '促销', es: 'Promoción', ru: 'Промо' },
    other: { en: 'Other', zh: '其他', es: 'Otro', ru: 'Другое' },
  },
  outcome: {
    no_contact: { en: 'Nobody to talk to', zh: '没见到能谈的人', es: 'No había con quién hablar', ru: 'Не с кем было говорить' },
    not_interested: { en: 'Not interested yet', zh: '暂无兴趣', es: 'Aún sin interés', ru: 'Пока не интересно' },
    interested: { en: 'Interested', zh: '有兴趣', es: 'Interesado', ru: 'Есть интерес' },
    negotiating: { en: 'Negotiating terms', zh: '洽谈条件', es: 'Negociando condiciones', ru: 'Обсуждаем условия' },
    signed: { en: 'Signed', zh: '已签约', es: 'Firmado', ru: 'Подписали' },
    rejected: { en: 'Refused', zh: '拒绝', es: 'Rechazó', ru: 'Отказались' },
    order: { en: 'Took an order', zh: '拿到订单', es: 'Pedido tomado', ru: 'Принят заказ' },
    done: { en: 'Done', zh: '已完成', es: 'Hecho', ru: 'Выполнено' },
  },
  shipmentStatus: {
    in_transit: { en: 'In transit', zh: '在途', es: 'En tránsito', ru: 'В пути' },
    planned: { en: 'Planned', zh: '计划', es: 'Planificado', ru: 'Запланирована' },
  },
  // The screens' network:relationship labels; the importer also reads the bare number and the words without it.
  relationshipLevel: {
    '1': { en: '1 · held by price', zh: '1 · 靠价格维系', es: '1 · por precio', ru: '1 · держится на цене' },
    '2': { en: '2 · personal service', zh: '2 · 个性化服务', es: '2 · servicio personal', ru: '2 · персональный сервис' },
    '3': { en: '3 · strategic partner', zh: '3 · 战略伙伴', es: '3 · socio estratégico', ru: '3 · стратегический партнёр' },
  },
  outletType: {
    distributor: { en: 'Distributor', zh: '经销商', es: 'Distribuidor', ru: 'Дистрибьютор' },
    sub_dealer: { en: 'Sub-dealer', zh: '二批商', es: 'Subdistribuidor', ru: 'Субдилер' },
    terminal: { en: 'Terminal', zh: '终端', es: 'Punto de venta', ru: 'Торговая точка' },
  },
} as const satisfies Record<string, Record<string, Words>>;

export type ValueSet = keyof typeof VALUE_WORDS;

/** Which set of words each enum column of an entity sheet uses. */
export const FIELD_VALUE_SETS: Partial<Record<ImportEntity, Record<string, ValueSet>>> = {
  staff: { role: 'role' },
  distributors: { status: 'distributorStatus', relationshipLevel: 'relationshipLevel' },
  subDealers: { status: 'outletStatus' },
  terminals: { channel: 'channel', status: 'outletStatus' },
  contacts: { ownerType: 'outletType', level: 'contactLevel' },
  products: { pack: 'pack', status: 'productStatus' },
  shipments: { status: 'shipmentStatus' },
  visits: { outletType: 'outletType', purpose: 'purpose', outcome: 'outcome' },
};

const setOf = (entity: ImportEntity, field: string): Record<string, Words> | undefined => {
  const name = FIELD_VALUE_SETS[entity]?.[field];
  return name ? (VALUE_WORDS[name] as Record<string, Words>) : undefined;
};

/** A stored code as the sheet writes it in `language`; a code without a word stays as it is. */
export function valueWord(language: ExportLanguage, entity: ImportEntity, field: string, code: string): string {
  return setOf(entity, field)?.[code]?.[language] ?? code;
}

/**
 * Every language's word for each code of one column, for the importer to read back. A numbered word
 * ("2 · personal service") reads without its number too, as a person may type it.
 */
export function valueWordsOf(entity: ImportEntity, field: string): Record<string, string[]> {
  const set = setOf(entity, field);
  const bare = (word: string) => (/^\d+ · /.test(word) ? [word, word.replace(/^\d+ · /, '')] : [word]);
  return set ? Object.fromEntries(Object.entries(set).map(([code, words]) => [code, Object.values(words).flatMap(bare)])) : {};
}

/** A yes/no cell in `language` (the importer reads every language's yes and no). */
export const yesNoWord = (language: ExportLanguage, value: boolean): string => exportWords(language)(value ? 'yes' : 'no');
