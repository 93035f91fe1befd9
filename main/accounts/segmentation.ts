/**
 * Key-account analysis from transaction history, pure: segmentation of existing customers by
 * contribution and stability (EI-EIV), churn warnings with their reasons, retention and the SKU
 * structure. Every threshold comes from the caller's settings.
 */

export type Segment = 'EI' | 'EII' | 'EIII' | 'EIV';

export interface RegionSegmentRules {
  /** Accounts inside this cumulative share of the region's volume (Pareto) are high contribution. */
  paretoShare: number;
  /**
   * Stability score (0-1) at or above which an account is stable; null: the region's own median, so
   * "wavering" means less steady than the region's typical account (a fixed line put every demo
   * account on one side: their scores all fall between 0.7 and 0.96).
   */
  stableScore: number | null;
}

export const DEFAULT_SEGMENT_RULES: RegionSegmentRules = { paretoShare: 0.8, stableScore: null };

/** Each region's rules by region id (as text); a region not named takes DEFAULT_SEGMENT_RULES. */
export type SegmentSettings = Readonly<Record<string, RegionSegmentRules>>;

export const DEFAULT_SEGMENT_SETTINGS: SegmentSettings = {};

export interface AccountHistory {
  accountId: number;
  /**
   * The account's region: contribution (share, the Pareto group, rank) and the share whose movement
   * stability reads are the region's, so every regional manager's largest distributors are key
   * accounts however the regions compare in size. Absent: one region.
   */
  regionId?: number;
  /** Monthly cases, oldest first; 24 months give "last season" too. */
  monthly: number[];
}

/** Why an account wavers, each with the figure it was read from (a percentage or a count). */
export type WaverCode = 'share_moves' | 'quarter_down' | 'quarter_up' | 'year_down' | 'year_up' | 'months_without_order' | 'no_year_before';
export interface Waver {
  code: WaverCode;
  value: number;
}

export interface StabilityParts {
  /** Coefficient of variation of the account's share of the region's monthly volume. */
  shareVariation: number;
  /** Each of the last four quarters against the same quarter a year before (-0.25 = down 25%); null without that year. */
  quarterChanges: number[] | null;
  /** Share of the last 12 months with an order. */
  regularity: number;
  yearOnYear: number | null;
}

export interface SegmentResult {
  accountId: number;
  volume: number;
  share: number;
  cumulativeShare: number;
  rank: number;
  stability: number;
  parts: StabilityParts;
  wavers: Waver[];
  segment: Segment;
}

/** How often each segment is visited; the strategy in words is the renderer's (accounts:strategyText.<segment>). */
export const STRATEGY: Record<Segment, { visitEveryDays: number }> = {
  EI: { visitEveryDays: 14 },
  EII: { visitEveryDays: 7 },
  EIII: { visitEveryDays: 30 },
  EIV: { visitEveryDays: 90 },
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Thresholds for "why it wavers": where a part of the score starts to say something a manager should hear. */
const WAVER = { shareVariation: 0.25, quarterDown: -0.15, quarterUp: 0.25, yearDown: -0.1, yearUp: 0.25 };

/**
 * Stability (0-1) over the last 12 months, measured as the seed's segmentation does, on monthly,
 * quarterly and order-level volumes (the mean of three scores):
 * - monthly: how much the account's share of the region's monthly volume moves (coefficient of
 *   variation of the share, seasonality removed by comparing with the region's same month); 0 -> 1, 1 -> 0;
 * - quarterly: each of the last four quarters against the same quarter a year before, the mean
 *   absolute change (50% or more scores 0); without that year, 0.5;
 * - order-level: the share of months with an order (an account that skips months is not a regular buyer).
 */
export function stabilityOf(last12: number[], region12: number[], previous12: number[] | null) {
  const shares = last12.map((v, i) => (region12[i]! > 0 ? v / region12[i]! : 0));
  const m = mean(shares);
  const shareVariation = m > 0 ? sd(shares) / m : 1;
  const regularity = last12.filter((v) => v > 0).length / Math.max(1, last12.length);
  const prev = previous12 ? sum(previous12) : 0;
  const yearOnYear = previous12 && prev > 0 ? sum(last12) / prev - 1 : null;
  let quarterChanges: number[] | null = null;
  if (previous12 && previous12.length === 12 && last12.length === 12) {
    quarterChanges = [];
    for (let q = 0; q < 4; q++) {
      const now = sum(last12.slice(q * 3, q * 3 + 3));
      const before = sum(previous12.slice(q * 3, q * 3 + 3));
      // a quarter bought from nothing is as big a change as one that went to nothing
      quarterChanges.push(before > 0 ? now / before - 1 : now > 0 ? 1 : 0);
    }
  }
  const quarterly = quarterChanges === null ? 0.5 : Math.max(0, 1 - mean(quarterChanges.map((c) => Math.min(1, Math.abs(c)))) / 0.5);
  const scores = { monthly: Math.max(0, 1 - shareVariation), quarterly, orders: regularity };
  const parts: StabilityParts = { shareVariation, quarterChanges, regularity, yearOnYear };
  return { stability: mean(Object.values(scores)), parts, scores, wavers: wavers(parts, last12.length) };
}

/** Why an account wavers, from the parts of its score: the largest movements first within each kind. */
export function wavers(parts: StabilityParts, months = 12): Waver[] {
  const out: Waver[] = [];
  const pct = (x: number) => Math.round(x * 100);
  if (parts.yearOnYear !== null && parts.yearOnYear <= WAVER.yearDown) out.push({ code: 'year_down', value: pct(parts.yearOnYear) });
  if (parts.yearOnYear !== null && parts.yearOnYear >= WAVER.yearUp) out.push({ code: 'year_up', value: pct(parts.yearOnYear) });
  if (parts.quarterChanges) {
    const worst = Math.min(...parts.quarterChanges);
    const best = Math.max(...parts.quarterChanges);
    if (worst <= WAVER.quarterDown) out.push({ code: 'quarter_down', value: pct(worst) });
    if (best >= WAVER.quarterUp) out.push({ code: 'quarter_up', value: pct(best) });
  }
  if (parts.shareVariation >= WAVER.shareVariation) out.push({ code: 'share_moves', value: pct(parts.shareVariation) });
  const missed = Math.round((1 - parts.regularity) * months);
  if (missed > 0) out.push({ code: 'months_without_order', value: missed });
  return out;
}

export type StabilityPart = 'monthly' | 'quarterly' | 'orders';

/**
 * The reason recorded for an account below the line that none of the fixed signs above describes:
 * the part of its score that falls furthest below the network's own median for that part, worded
 * with the figure it was read from. So every wavering account says why, in the network's terms.
 */
export function weakestPartWaver(
  parts: StabilityParts,
  scores: Record<StabilityPart, number>,
  medians: Record<StabilityPart, number>,
  months = 12,
): Waver {
  const order: StabilityPart[] = ['monthly', 'quarterly', 'orders'];
  const weakest = order.reduce((a, b) => (medians[b] - scores[b] > medians[a] - scores[a] ? b : a));
  const pct = (x: number) => Math.round(x * 100);
  if (weakest === 'orders') return { code: 'months_without_order', value: Math.max(1, Math.round((1 - parts.regularity) * months)) };
  if (weakest === 'quarterly') {
    if (!parts.quarterChanges) return { code: 'no_year_before', value: months };
    const largest = parts.quarterChanges.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
    return { code: largest < 0 ? 'quarter_down' : 'quarter_up', value: pct(largest) };
  }
  return { code: 'share_moves', value: pct(parts.shareVariation) };
}

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
};

/** A region's stability line: the one in use (the setting, or the calibrated one) and its accounts' median. */
export interface StabilityLine {
  stableScore: number;
  calibrated: number;
}

/** The region's own stability line: the median of its accounts' scores (0.6 when there are none). */
export function calibratedStableScore(stabilities: number[]): number {
  if (stabilities.length === 0) return 0.6;
  const sorted = [...stabilities].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  const value = (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
  // two decimals: the line a manager sees and can type back in the settings
  return Math.round(value * 100) / 100;
}

/** Segments accounts on a 12-month window ending `offset` months before the end of the history. */
export function segment(accounts: AccountHistory[], settings: SegmentSettings = DEFAULT_SEGMENT_SETTINGS, offset = 0): SegmentResult[] {
  return segmentWithLine(accounts, settings, offset).rows;
}

/**
 * The segmentation and the stability line it used (the setting, or the network's median when none is
 * set). Everything is measured within each account's region: its share of the region's volume, the
 * region's Pareto group, its rank there, and the stability line calibrated on the region's accounts.
 * So a distributor's segment is the same on every machine that holds its region: a salesperson's
 * desktop, which holds one region, and the team server, which holds them all.
 */
export function segmentWithLine(
  accounts: AccountHistory[],
  settings: SegmentSettings = DEFAULT_SEGMENT_SETTINGS,
  offset = 0,
): { rows: SegmentResult[]; lines: Map<number, StabilityLine> } {
  const n = Math.max(0, ...accounts.map((a) => a.monthly.length));
  const end = n - offset;
  const window = (xs: number[], from: number, to: number) => xs.slice(Math.max(0, from), Math.max(0, to));
  const regionOf = (a: AccountHistory) => a.regionId ?? 0;
  const region12 = new Map<number, number[]>();
  for (const a of accounts) {
    const months = region12.get(regionOf(a)) ?? new Array<number>(12).fill(0);
    window(a.monthly, end - 12, end).forEach((v, i) => (months[i] = months[i]! + v));
    region12.set(regionOf(a), months);
  }
  const rows = accounts.map((a) => {
    const last12 = window(a.monthly, end - 12, end);
    const prev = end - 24 >= 0 ? window(a.monthly, end - 24, end - 12) : null;
    const volume = last12.reduce((x, y) => x + y, 0);
    return { accountId: a.accountId, region: regionOf(a), volume, ...stabilityOf(last12, region12.get(regionOf(a))!, prev) };
  });
  // calibrated on the accounts that bought at all: the ended and the dormant would drag the line down
  const lines = new Map<number, StabilityLine>();
  const byRegion = new Map<number, typeof rows>();
  for (const r of rows) {
    const own = byRegion.get(r.region);
    if (own) own.push(r);
    else byRegion.set(r.region, [r]);
  }
  for (const [region, own] of byRegion) {
    const buying = own.filter((r) => r.volume > 0);
    const calibrated = calibratedStableScore(buying.map((r) => r.stability));
    const line = (settings[String(region)] ?? DEFAULT_SEGMENT_RULES).stableScore ?? calibrated;
    const medians: Record<StabilityPart, number> = {
      monthly: median(buying.map((r) => r.scores.monthly)),
      quarterly: median(buying.map((r) => r.scores.quarterly)),
      orders: median(buying.map((r) => r.scores.orders)),
    };
    lines.set(region, { stableScore: line, calibrated });
    for (const r of own) if (r.stability < line && r.wavers.length === 0) r.wavers.push(weakestPartWaver(r.parts, r.scores, medians));
  }
  rows.sort((a, b) => a.region - b.region || b.volume - a.volume || a.accountId - b.accountId);
  const out: SegmentResult[] = [];
  let region = Number.NaN;
  let total = 0;
  let cumulative = 0;
  let rank = 0;
  let paretoShare = DEFAULT_SEGMENT_RULES.paretoShare;
  for (const { region: r0, ...r } of rows) {
    if (r0 !== region) {
      region = r0;
      paretoShare = (settings[String(r0)] ?? DEFAULT_SEGMENT_RULES).paretoShare;
      total = sum(region12.get(r0)!);
      cumulative = 0;
      rank = 0;
    }
    const share = total > 0 ? r.volume / total : 0;
    // Pareto: an account is high-contribution while the accounts above it have not yet reached the share
    const high = total > 0 && r.volume > 0 && cumulative < paretoShare;
    cumulative += share;
    const stable = r.stability >= lines.get(r0)!.stableScore;
    const seg: Segment = high ? (stable ? 'EI' : 'EII') : stable ? 'EIII' : 'EIV';
    out.push({ ...r, share, cumulativeShare: cumulative, rank: ++rank, segment: seg });
  }
  return { rows: out, lines };
}

export interface ChurnInput {
  accountId: number;
  monthly: number[];
  contacts: number;
  relationshipLevel: 1 | 2 | 3;
  /** Complaints still open, with their age in days. */
  openComplaintDays: number[];
  fit: 'safe' | 'watch' | 'alarm' | null;
  daysSinceVisit: number | null;
}

export interface ChurnSettings {
  volumeDropShare: number;
  complaintDays: number;
  visitDays: number;
}

export const DEFAULT_CHURN_SETTINGS: ChurnSettings = { volumeDropShare: 0.15, complaintDays: 14, visitDays: 45 };

export type ChurnReasonCode =
  'volume_falling' | 'orders_missed' | 'single_contact' | 'no_visit' | 'complaints_open' | 'fit_watch' | 'fit_alarm' | 'price_relationship';

export interface ChurnReason {
  code: ChurnReasonCode;
  weight: number;
  /** What the reason was read from, for the user to check. */
  evidence: Record<string, number | string>;
}

const WEIGHTS: Record<ChurnReasonCode, number> = {
  volume_falling: 30,
  orders_missed: 20,
  complaints_open: 20,
  fit_alarm: 25,
  fit_watch: 10,
  single_contact: 15,
  no_visit: 10,
  price_relationship: 10,
};

/** Risk score (0-100) and the reasons behind it, each with the numbers it rests on. */
export function churnRisk(input: ChurnInput, settings: ChurnSettings = DEFAULT_CHURN_SETTINGS): { score: number; reasons: ChurnReason[] } {
  const reasons: ChurnReason[] = [];
  const m = input.monthly;
  const n = m.length;
  if (n >= 15) {
    const recent = m.slice(n - 3).reduce((a, b) => a + b, 0);
    const lastYear = m.slice(n - 15, n - 12).reduce((a, b) => a + b, 0);
    if (lastYear > 0 && recent < lastYear * (1 - settings.volumeDropShare)) {
      reasons.push({
        code: 'volume_falling',
        weight: WEIGHTS.volume_falling,
        evidence: { lastThreeMonths: recent, sameMonthsLastYear: lastYear },
      });
    }
  }
  if (n >= 12) {
    const history = m.slice(Math.max(0, n - 15), n - 3);
    const rhythm = history.filter((v) => v > 0).length / Math.max(1, history.length);
    const missed = m.slice(n - 3).filter((v) => v === 0).length;
    if (rhythm >= 0.75 && missed >= 1) {
      reasons.push({
        code: 'orders_missed',
        weight: WEIGHTS.orders_missed,
        evidence: { monthsWithoutOrder: missed, usualOrderMonthsShare: Math.round(rhythm * 100) },
      });
    }
  }
  if (input.contacts <= 1) {
    reasons.push({
      code: 'single_contact',
      weight: WEIGHTS.single_contact,
      evidence: { contacts: input.contacts },
    });
  }
  if (input.daysSinceVisit !== null && input.daysSinceVisit > settings.visitDays) {
    reasons.push({
      code: 'no_visit',
      weight: WEIGHTS.no_visit,
      evidence: { daysSinceVisit: input.daysSinceVisit },
    });
  }
  const late = input.openComplaintDays.filter((d) => d > settings.complaintDays);
  if (late.length) {
    reasons.push({
      code: 'complaints_open',
      weight: WEIGHTS.complaints_open,
      evidence: { complaints: late.length, oldestDays: Math.max(...late) },
    });
  }
  if (input.fit === 'alarm')
    reasons.push({
      code: 'fit_alarm',
      weight: WEIGHTS.fit_alarm,
      evidence: { fit: 'alarm' },
    });
  if (input.fit === 'watch')
    reasons.push({
      code: 'fit_watch',
      weight: WEIGHTS.fit_watch,
      evidence: { fit: 'watch' },
    });
  if (input.relationshipLevel === 1) {
    reasons.push({
      code: 'price_relationship',
      weight: WEIGHTS.price_relationship,
      evidence: { relationshipLevel: 1 },
    });
  }
  return {
    score: Math.min(
      100,
      reasons.reduce((a, r) => a + r.weight, 0),
    ),
    reasons,
  };
}

/** Yearly retention: accounts that bought last year and still buy, and the volume they kept. */
export function retention(accounts: AccountHistory[]): {
  accountsLastYear: number;
  accountsKept: number;
  accountsKeptShare: number | null;
  volumeLastYear: number;
  volumeKept: number;
  volumeKeptShare: number | null;
} {
  let accountsLastYear = 0;
  let accountsKept = 0;
  let volumeLastYear = 0;
  let volumeKept = 0;
  for (const a of accounts) {
    const n = a.monthly.length;
    if (n < 24) continue;
    const prev = a.monthly.slice(n - 24, n - 12).reduce((x, y) => x + y, 0);
    const last = a.monthly.slice(n - 12).reduce((x, y) => x + y, 0);
    if (prev <= 0) continue;
    accountsLastYear++;
    volumeLastYear += prev;
    if (last > 0) accountsKept++;
    volumeKept += Math.min(last, prev);
  }
  return {
    accountsLastYear,
    accountsKept,
    accountsKeptShare: accountsLastYear ? accountsKept / accountsLastYear : null,
    volumeLastYear,
    volumeKept,
    volumeKeptShare: volumeLastYear ? volumeKept / volumeLastYear : null,
  };
}

export type SkuAdvice = 'push' | 'keep' | 'weaken' | 'drop';
/** Why, as a code: the renderer words it with the row's growth and contribution (accounts:skuReason.<code>). */
export type SkuReason = 'new_product' | 'phase_out' | 'small_not_growing' | 'growing' | 'shrinking_small' | 'steady' | 'changing';

/**
 * Each SKU's place in a distributor's (or the region's) range: contribution, growth, rank, and what
 * to do with it. New products are pushed; phase-outs and near-zero decliners dropped; growing
 * contributors pushed; shrinking small ones weakened; the rest kept.
 */
export function skuStructure(skus: Array<{ productId: number; status: string; last12: number; previous12: number }>) {
  const total = skus.reduce((a, s) => a + s.last12, 0);
  const sorted = [...skus].sort((a, b) => b.last12 - a.last12);
  return sorted.map((s, i) => {
    const contribution = total > 0 ? s.last12 / total : 0;
    const growth = s.previous12 > 0 ? s.last12 / s.previous12 - 1 : null;
    let advice: SkuAdvice;
    let reason: SkuReason;
    if (s.status === 'new') [advice, reason] = ['push', 'new_product'];
    else if (s.status === 'phase_out') [advice, reason] = ['drop', 'phase_out'];
    else if (contribution < 0.01 && (growth === null || growth < 0)) [advice, reason] = ['drop', 'small_not_growing'];
    else if (growth !== null && growth > 0.1 && contribution >= 0.02) [advice, reason] = ['push', 'growing'];
    else if (growth !== null && growth < -0.15 && contribution < 0.05) [advice, reason] = ['weaken', 'shrinking_small'];
    else [advice, reason] = ['keep', growth === null ? 'steady' : 'changing'];
    return { ...s, rank: i + 1, contribution, growth, advice, reason };
  });
}

export type ProspectClass = 'PI' | 'PII' | 'PIII' | 'PIV';
export const PROSPECT_INDICATORS = ['strength', 'management', 'network', 'buyingPower', 'marketing', 'growth', 'advantage'] as const;
export type ProspectIndicator = (typeof PROSPECT_INDICATORS)[number];

/** Weighted score (0-100) of 1-5 ratings; class by expected contribution (score) and intention. */
export function scoreProspect(
  ratings: Record<ProspectIndicator, number>,
  weights: Record<ProspectIndicator, number>,
  intention: 'high' | 'low',
  threshold = 60,
): { score: number; class: ProspectClass } {
  const totalWeight = PROSPECT_INDICATORS.reduce((a, k) => a + Math.max(0, weights[k]), 0) || 1;
  const score = (PROSPECT_INDICATORS.reduce((a, k) => a + Math.max(0, weights[k]) * ((ratings[k] - 1) / 4), 0) / totalWeight) * 100;
  const high = score >= threshold;
  return { score: Math.round(score), class: high ? (intention === 'high' ? 'PI' : 'PII') : intention === 'high' ? 'PIII' : 'PIV' };
}
