import type { TargetEditPreview } from '../../shared/contract/targetEdits.js';
import { refusal } from '../../shared/contract/result.js';
import { prepared, type Db } from '../db/open.js';
import { CascadeError, editNode, nodeAndParent, type Cell, type Level } from './cascade.js';

/** The cells of a node as the grid addresses it: a distributor's brand, a distributor's SKU, one month. */
function nodeWhere(at: Level): { sql: string; params: Array<string | number> } {
  switch (at.level) {
    case 'distributor':
      return {
        sql: 'distributor_id = ? AND product_id IN (SELECT id FROM products WHERE brand = ?)',
        params: [at.distributorId, at.brand],
      };
    case 'sku':
      return { sql: 'distributor_id = ? AND product_id = ?', params: [at.distributorId, at.productId] };
    case 'cell':
      return { sql: 'distributor_id = ? AND product_id = ? AND month = ?', params: [at.distributorId, at.productId, at.month] };
  }
}

export function markTyped(db: Db, planId: number, at: Level): void {
  const w = nodeWhere(at);
  prepared(db, `UPDATE target_cells SET typed = 1, locked = 1 WHERE plan_id = ? AND ${w.sql}`).run(planId, ...w.params);
}

/**
 * What an edit would move, before it moves it: the edit runs on a copy of the cells and the
 * differences are summed at the level the person is looking at (the other months of the SKU, the
 * other SKUs of the brand, the other distributors of the brand). Nothing is written.
 */
export function previewEdit(db: Db, planId: number, at: Level, value: number, cells: Cell[]): TargetEditPreview {
  const { node, parent } = nodeAndParent(cells, at);
  if (node.length === 0) throw refusal('not_found', 'nothingToEdit', 'Nothing to edit there');
  const before = new Map(parent.map((c) => [c, c.target]));
  const inNode = new Set(node);
  const nodeBefore = node.reduce((a, c) => a + c.target, 0);
  try {
    editNode(cells, at, value);
  } catch (error) {
    if (error instanceof CascadeError)
      return {
        ok: false,
        message: error.message,
        rule: { code: error.rule, params: error.params },
        before: nodeBefore,
        after: nodeBefore,
        moved: [],
        cellsMoved: 0,
        lockedKept: 0,
      };
    throw error;
  }
  const keyOf = (c: Cell) => (at.level === 'cell' ? c.month : at.level === 'sku' ? String(c.productId) : String(c.distributorId));
  const groups = new Map<string, { before: number; after: number }>();
  let cellsMoved = 0;
  for (const c of parent) {
    if (inNode.has(c)) continue;
    const b = before.get(c)!;
    if (b !== c.target) cellsMoved++;
    const g = groups.get(keyOf(c)) ?? { before: 0, after: 0 };
    g.before += b;
    g.after += c.target;
    groups.set(keyOf(c), g);
  }
  const labels = labelsFor(db, at, [...groups.keys()]);
  const moved = [...groups.entries()]
    .filter(([, g]) => g.before !== g.after)
    .map(([k, g]) => ({ key: k, label: labels.get(k) ?? k, before: g.before, after: g.after }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
  return {
    ok: true,
    message: null,
    before: nodeBefore,
    after: value,
    moved,
    cellsMoved,
    lockedKept: parent.filter((c) => !inNode.has(c) && c.locked).length,
  };
}

function labelsFor(db: Db, at: Level, keys: string[]): Map<string, string> {
  if (at.level === 'cell' || keys.length === 0) return new Map(keys.map((k) => [k, k]));
  const table =
    at.level === 'sku' ? 'SELECT id, sku AS label FROM products' : "SELECT id, name || ' (' || code || ')' AS label FROM distributors";
  const rows = prepared(db, `${table} WHERE id IN (${keys.map(() => '?').join(',')})`).all(...keys.map(Number)) as Array<{
    id: number;
    label: string;
  }>;
  return new Map(rows.map((r) => [String(r.id), r.label]));
}
