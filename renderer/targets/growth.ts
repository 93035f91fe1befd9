import { formatPercent } from '../ui/format.js';

/** Growth of `a` over `b` as a share (0.1 = +10 %); none when there is nothing to grow from. */
export const pct = (a: number, b: number) => (b > 0 ? a / b - 1 : null);
/** A growth share with its sign, or a dash. */
export const signed = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${formatPercent(v)}`);
