import { z } from 'zod';
import { devPlanInput, visitInput } from '../../shared/contract/development.js';
import { id, isoDate, optionalText } from '../../shared/contract/fields.js';
import { isMonday } from '../../shared/domain/development.js';
import { today } from '../../shared/domain/clock.js';
import { prepared, type Db } from '../db/open.js';
import type { EntityDef, RefResolver, Values } from '../importing/entities.js';
import { field } from '../importing/fields.js';
import type { RowIssue } from '../importing/issues.js';
import { savePlan } from './plans.js';
import { saveReview } from './reviews.js';
import { logVisit } from './visits.js';
import { staffInRegions } from '../people/readScope.js';

/*
 * Plans, visits and weekly reviews travel as spreadsheets between salespeople and managers. Rows go
 * through the same services as the screens (a plan's area and competitor rules, a visit moving its
 * prospect), and a row that repeats what is stored is "unchanged".
 */

const salesperson = field(
  'salesperson',
  'reference',
  true,
  ['salesperson', 'sales rep', 'staff code', '业务员', 'vendedor', 'торговый представитель'],
  {
    ref: 'staff',
  },
);
const json = (values: unknown[]) => JSON.stringify(values);

/** "Golden Peak:3; Blue Ox:2" – outlets to win from each competitor. */
function parseCompetitors(items: unknown): Array<{ brand: string; outlets: number }> | undefined {
  if (!Array.isArray(items)) return undefined;
  return items.map((item) => {
    const m = /^(.*?)\s*[:：=]\s*(\d+)$/.exec(String(item));
    return m ? { brand: m[1]!.trim(), outlets: Number(m[2]) } : { brand: String(item).trim(), outlets: 1 };
  });
}

const planValue = (d: z.output<typeof devPlanInput>) =>
  json([
    [...d.areaIds].sort((a, b) => a - b).join(','),
    d.plannedVisits,
    d.newSubDealers,
    d.newTerminals,
    d.competitors.map((c) => `${c.brand}:${c.outlets}`).join(';'),
    d.note ?? '',
  ]);

export const devPlansEntity: EntityDef = {
  name: 'devPlans',
  fields: [
    salesperson,
    field('month', 'month', true, ['month', '月份', 'mes', 'месяц'], { hint: 'YYYY-MM' }),
    field('areas', 'list', false, ['areas', 'area codes', '区域', '片区', 'zonas', 'районы'], { hint: 'area_codes_list' }),
    field('plannedVisits', 'integer', true, ['planned visits', 'visits', '计划拜访', '拜访次数', 'visitas planificadas', 'визиты']),
    field('newSubDealers', 'integer', true, ['new sub-dealers', '新增二批商', 'nuevos subdistribuidores', 'новые субдилеры']),
    field('newTerminals', 'integer', true, ['new terminals', 'new outlets', '新增终端', 'nuevos puntos de venta', 'новые торговые точки']),
    field('competitors', 'list', false, ['competitor wins', 'competitors', '竞品争夺', 'competidores', 'конкуренты'], {
      hint: 'competitor_list',
    }),
    field('note', 'text', false, ['note', 'notes', '备注', 'nota', 'примечание']),
  ],
  key: null,
  schema: devPlanInput,
  toDraft(v: Values, ref: RefResolver) {
    const areaIds = Array.isArray(v.areas) ? v.areas.map((code) => ref('areas', 'areas', 'area', String(code)) ?? 0) : [];
    return {
      salespersonId: ref('salesperson', 'staff', 'salesperson'),
      month: v.month,
      areaIds,
      plannedVisits: v.plannedVisits,
      newSubDealers: v.newSubDealers,
      newTerminals: v.newTerminals,
      competitors: parseCompetitors(v.competitors) ?? [],
      note: v.note,
      seededFrom: null,
    };
  },
  keyOf: (d: z.output<typeof devPlanInput>) => `${d.salespersonId}:${d.month}`,
  existingValues(db: Db) {
    const rows = prepared(
      db,
      `SELECT p.salesperson_id AS salespersonId, p.month, p.planned_visits AS plannedVisits, p.new_sub_dealers AS newSubDealers,
        p.new_terminals AS newTerminals, p.note,
        (SELECT group_concat(area_id) FROM (SELECT area_id FROM dev_plan_areas WHERE plan_id = p.id ORDER BY area_id)) AS areas,
        (SELECT group_concat(brand || ':' || outlets, ';') FROM (SELECT brand, outlets FROM dev_plan_competitors WHERE plan_id = p.id ORDER BY rowid)) AS competitors
       FROM dev_plans p`,
    ).all() as Array<{
      salespersonId: number;
      month: string;
      plannedVisits: number;
      newSubDealers: number;
      newTerminals: number;
      note: string | null;
      areas: string | null;
      competitors: string | null;
    }>;
    return new Map(
      rows.map((r) => [
        `${r.salespersonId}:${r.month}`,
        json([r.areas ?? '', r.plannedVisits, r.newSubDealers, r.newTerminals, r.competitors ?? '', r.note ?? '']),
      ]),
    );
  },
  valueText: planValue,
  valueFields: ['areas', 'plannedVisits', 'newSubDealers', 'newTerminals', 'competitors', 'note'],
  // A submitted or approved plan refuses the change (savePlan), and the row says so: signed off means frozen.
  save: (db, _id, d: z.output<typeof devPlanInput>) => savePlan(db, d).id,
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.code AS salesperson, p.month,
        (SELECT group_concat(a.code, ';') FROM dev_plan_areas pa JOIN areas a ON a.id = pa.area_id WHERE pa.plan_id = p.id) AS areas,
        p.planned_visits AS plannedVisits, p.new_sub_dealers AS newSubDealers, p.new_terminals AS newTerminals,
        (SELECT group_concat(brand || ':' || outlets, ';') FROM dev_plan_competitors WHERE plan_id = p.id) AS competitors, p.note
       FROM dev_plans p JOIN staff s ON s.id = p.salesperson_id WHERE ${staffInRegions('p.salesperson_id', scope)} ORDER BY s.code, p.month`,
    ).all() as Array<Record<string, string | number | null>>,
};

const OUTLET_TABLE = { distributor: 'distributors', sub_dealer: 'sub_dealers', terminal: 'terminals' } as const;

const visitValue = (d: z.output<typeof visitInput>) => json([d.nextStep ?? '', d.nextDate ?? '', d.note ?? '']);

export const visitsEntity: EntityDef = {
  name: 'visits',
  fields: [
    salesperson,
    field('day', 'date', true, ['day', 'date', 'visit date', '日期', '拜访日期', 'fecha', 'дата']),
    field('outletType', 'enum', true, ['outlet type', 'type', '类型', 'tipo', 'тип'], {
      values: {
        distributor: ['distributor', '经销商', 'distribuidor', 'дистрибьютор'],
        sub_dealer: ['sub-dealer', 'subdealer', '二批商', 'subdistribuidor', 'субдилер'],
        terminal: ['terminal', 'outlet', '终端', 'punto de venta', 'торговая точка'],
      },
    }),
    field('outlet', 'reference', true, [
      'outlet',
      'outlet code',
      'customer code',
      '客户编码',
      '网点编码',
      'código de cliente',
      'код клиента',
    ]),
    field('purpose', 'enum', true, ['purpose', '目的', 'propósito', 'objetivo', 'цель'], {
      values: {
        develop: ['develop', 'development', '开发', 'desarrollo', 'развитие'],
        service: ['service', '服务', '维护', 'servicio', 'обслуживание'],
        collect: ['collect', 'collection', '收款', 'cobro', 'сбор оплаты'],
        promotion: ['promotion', '促销', 'promoción', 'промо'],
        other: ['other', '其他', 'otro', 'другое'],
      },
    }),
    field('outcome', 'enum', true, ['outcome', 'result', '结果', 'resultado', 'результат'], {
      values: {
        no_contact: ['no contact', '未见到', 'sin contacto', 'нет контакта'],
        not_interested: ['not interested', '不感兴趣', 'sin interés', 'не заинтересован'],
        interested: ['interested', '有意向', 'interesado', 'заинтересован'],
        negotiating: ['negotiating', '洽谈中', 'negociando', 'переговоры'],
        signed: ['signed', '已签约', 'firmado', 'подписан'],
        rejected: ['rejected', '拒绝', 'rechazado', 'отказ'],
        order: ['order', '下单', 'pedido', 'заказ'],
        done: ['done', '完成', 'hecho', 'выполнено'],
      },
    }),
    field('nextStep', 'text', false, ['next step', '下一步', 'siguiente paso', 'следующий шаг']),
    field('nextDate', 'date', false, ['next date', '下次日期', 'fecha siguiente', 'дата следующего шага']),
    field('note', 'text', false, ['note', 'notes', '备注', 'nota', 'примечание']),
  ],
  key: null,
  schema: visitInput,
  toDraft(v: Values, ref: RefResolver) {
    const table = OUTLET_TABLE[v.outletType as keyof typeof OUTLET_TABLE];
    return {
      salespersonId: ref('salesperson', 'staff', 'salesperson'),
      day: v.day,
      outletType: v.outletType,
      outletId: table ? ref('outlet', table, 'outlet') : undefined,
      purpose: v.purpose,
      outcome: v.outcome,
      nextStep: v.nextStep,
      nextDate: v.nextDate,
      note: v.note,
    };
  },
  // A visit is a fact, not a record to edit: the same salesperson, day, outlet, purpose and outcome is the
  // same visit (unchanged when its notes match too); anything else is another visit.
  keyOf: (d: z.output<typeof visitInput>) =>
    `${d.salespersonId}:${d.day}:${d.outletType}:${d.outletId}:${d.purpose}:${d.outcome}:${visitValue(d)}`,
  existingValues(db: Db) {
    const rows = prepared(
      db,
      `SELECT salesperson_id AS s, day, outlet_type AS t, outlet_id AS o, purpose, outcome, next_step AS nextStep, next_date AS nextDate, note FROM visits`,
    ).all() as Array<{
      s: number;
      day: string;
      t: string;
      o: number;
      purpose: string;
      outcome: string;
      nextStep: string | null;
      nextDate: string | null;
      note: string | null;
    }>;
    return new Map(
      rows.map((r) => {
        const value = json([r.nextStep ?? '', r.nextDate ?? '', r.note ?? '']);
        return [`${r.s}:${r.day}:${r.t}:${r.o}:${r.purpose}:${r.outcome}:${value}`, value];
      }),
    );
  },
  valueText: visitValue,
  valueFields: ['nextStep', 'nextDate', 'note'],
  save: (db, _id, d: z.output<typeof visitInput>) => logVisit(db, d).id,
  // A visit is logged once it happened; a salesperson's import holds only their own visits.
  rowRules(d: z.output<typeof visitInput>, who): RowIssue[] {
    const issues: RowIssue[] = [];
    if (d.day > today()) issues.push({ field: 'day', code: 'in_the_future', params: { today: today() } });
    if (who.ownerOnly !== undefined && d.salespersonId !== who.ownerOnly)
      issues.push({ field: 'salesperson', code: 'not_own_visit', params: {} });
    return issues;
  },
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.code AS salesperson, v.day, v.outlet_type AS outletType, coalesce(d.code, sd.code, t.code) AS outlet, v.purpose, v.outcome,
        v.next_step AS nextStep, v.next_date AS nextDate, v.note
       FROM visits v JOIN staff s ON s.id = v.salesperson_id
       LEFT JOIN distributors d ON v.outlet_type = 'distributor' AND d.id = v.outlet_id
       LEFT JOIN sub_dealers sd ON v.outlet_type = 'sub_dealer' AND sd.id = v.outlet_id
       LEFT JOIN terminals t ON v.outlet_type = 'terminal' AND t.id = v.outlet_id
       WHERE ${staffInRegions('v.salesperson_id', scope)}
       ORDER BY v.day, s.code, v.id`,
    ).all() as Array<Record<string, string | number | null>>,
};

const reviewRow = z.strictObject({
  salespersonId: id,
  weekStart: isoDate.refine(isMonday, 'A week starts on a Monday'),
  problems: optionalText(4000),
  successes: optionalText(4000),
});
type ReviewRow = z.output<typeof reviewRow>;
const reviewValue = (d: ReviewRow) => json([d.problems ?? '', d.successes ?? '']);

export const weeklyReviewsEntity: EntityDef = {
  name: 'weeklyReviews',
  fields: [
    salesperson,
    field('weekStart', 'date', true, ['week', 'week start', 'week of', '周', '周开始', 'semana', 'неделя', 'начало недели'], {
      hint: 'monday',
    }),
    field('problems', 'text', false, ['problems', 'issues', '问题', 'problemas', 'проблемы']),
    field('successes', 'text', false, [
      'successes',
      'what worked',
      'successful experience',
      '成功经验',
      'éxitos',
      'lo que funcionó',
      'успехи',
      'что сработало',
    ]),
  ],
  key: null,
  schema: reviewRow,
  toDraft: (v: Values, ref: RefResolver) => ({
    salespersonId: ref('salesperson', 'staff', 'salesperson'),
    weekStart: v.weekStart,
    problems: v.problems,
    successes: v.successes,
  }),
  keyOf: (d: ReviewRow) => `${d.salespersonId}:${d.weekStart}`,
  existingValues: (db: Db) =>
    new Map(
      (
        prepared(db, 'SELECT salesperson_id AS s, week_start AS w, problems, successes FROM weekly_reviews').all() as Array<{
          s: number;
          w: string;
          problems: string | null;
          successes: string | null;
        }>
      ).map((r) => [`${r.s}:${r.w}`, json([r.problems ?? '', r.successes ?? ''])]),
    ),
  valueText: reviewValue,
  valueFields: ['problems', 'successes'],
  // Imported as drafts: submitting stays the salesperson's own act on the screen.
  save: (db, _id, d: ReviewRow) => (saveReview(db, { ...d, submit: false }), 0),
  exportRows: (db, scope = null) =>
    prepared(
      db,
      `SELECT s.code AS salesperson, r.week_start AS weekStart, r.problems, r.successes FROM weekly_reviews r
       JOIN staff s ON s.id = r.salesperson_id WHERE ${staffInRegions('r.salesperson_id', scope)} ORDER BY r.week_start, s.code`,
    ).all() as Array<Record<string, string | number | null>>,
};
