import { insertRow } from '../db/sql.js';
import { prepared } from '../db/open.js';
import type { DemoContext, DemoStep } from './context.js';
import type { TerminalChannel } from '../../shared/domain/network.js';

const REGIONS = [
  { code: 'NORTH', name: 'North Region', peak: [5, 6, 7, 8, 9], lat: 45.8, lng: 126.6 },
  { code: 'EAST', name: 'East Coast Region', peak: [5, 6, 7, 8, 9, 10], lat: 31.2, lng: 121.5 },
  { code: 'SOUTH', name: 'South Region', peak: [4, 5, 6, 7, 8, 9, 10], lat: 23.1, lng: 113.3 },
  { code: 'WEST', name: 'West Region', peak: [6, 7, 8, 9], lat: 30.6, lng: 104.1 },
  { code: 'CENTRAL', name: 'Central Region', peak: [5, 6, 7, 8, 9], lat: 30.6, lng: 114.3 },
  { code: 'NE', name: 'Northeast Region', peak: [6, 7, 8], lat: 43.9, lng: 125.3 },
];
const CITIES = [
  'Riverside',
  'Lakeview',
  'Stonebridge',
  'Fairhaven',
  'Millbrook',
  'Ashford',
  'Clearwater',
  'Kingsport',
  'Oakridge',
  'Westfield',
  'Granite Falls',
  'Maplewood',
  'Harborview',
  'Pinecrest',
  'Silverton',
  'Brookdale',
  'Redcliff',
  'Eastgate',
  'Northwood',
  'Southport',
  'Greenvale',
  'Highmoor',
  'Cedarhurst',
  'Bayside',
  'Windmere',
  'Goldcrest',
  'Elmstead',
  'Foxborough',
  'Larkspur',
  'Thornbury',
  'Copperfield',
  'Sunnybrook',
  'Marshfield',
  'Ironwood',
  'Bramblewood',
  'Kestrel Bay',
  'Amberley',
  'Willowdale',
  'Hollins',
  'Crestmoor',
  'Dunmore',
  'Evergreen',
  'Falconridge',
  'Glenrock',
  'Hartwell',
  'Juniper Hill',
  'Kirkwood',
  'Lindenfield',
  'Moorgate',
  'Newhaven',
  'Oldcastle',
  'Penrose',
  'Queensbury',
  'Rosemount',
  'Saltmarsh',
  'Tidewater',
  'Upton',
  'Valemont',
  'Whitby',
  'Yarrow',
  'Zephyr Point',
  'Blackwater',
  'Coldspring',
  'Deepdale',
  'Eldridge',
  'Fernhill',
  'Gorsebrook',
  'Hazelmere',
  'Inverleigh',
  'Jasper Creek',
  'Kingsley',
];
const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Zhao',
  'Huang',
  'Zhou',
  'Wu',
  'Garcia',
  'Martinez',
  'Lopez',
  'Ivanov',
  'Petrov',
  'Smirnov',
  'Sokolov',
  'Novak',
  'Keller',
  'Brown',
  'Miller',
  'Moreno',
  'Romero',
  'Kuznetsov',
  'Xu',
  'Sun',
  'Ma',
  'Hu',
  'Guo',
  'Lin',
];
const GIVEN = [
  'Wei',
  'Fang',
  'Lei',
  'Jing',
  'Min',
  'Tao',
  'Carlos',
  'Lucia',
  'Elena',
  'Dmitri',
  'Olga',
  'Sergei',
  'Ana',
  'Pablo',
  'Irina',
  'Hui',
  'Yan',
  'Jun',
  'Marta',
  'Ivan',
];
const DISTRIBUTOR_SUFFIX = ['Beverage Co.', 'Trading', 'Drinks Supply', 'Wholesale Group', 'Distribution', 'Logistics & Trade'];
const DISTRIBUTOR_WORDS = [
  'Golden River',
  'Harmony',
  'Evergreen',
  'Northgate',
  'Sunrise',
  'Great Wall',
  'Silver Bay',
  'Prosperity',
  'Union',
  'Eastwind',
  'Longmen',
  'Riverbend',
  'Summit',
  'Lakeshore',
  'Pioneer',
  'Twin Bridges',
  'Horizon',
  'Heritage',
  'Red Star',
  'Unity',
];
const OUTLET_WORDS = [
  'Golden',
  'Lucky',
  'Happy',
  'Old Town',
  'Sunshine',
  'Harbour',
  'Red Lantern',
  'Jade',
  'Panda',
  'Family',
  'Star',
  'Lotus',
  'Dragon',
  'Blue Moon',
  'Maple',
  'Central',
  'Station',
  'Night Owl',
  'Riverside',
  'Corner',
  'Friendly',
  'Orchid',
  'Phoenix',
  'Bamboo',
];
const SUB_DEALER_SUFFIX = ['Wholesale', 'Drinks Depot', 'Trading Post', 'Supply', 'Beverage Store'];
const COMPETITORS = ['Harbor Lager', 'Golden Peak', 'Red River', 'Snowfield', 'Blue Ocean'];
const CHANNEL_MIX: Array<[TerminalChannel, number]> = [
  ['convenience', 0.35],
  ['restaurant', 0.25],
  ['kiosk', 0.15],
  ['bar_night', 0.12],
  ['supermarket', 0.08],
  ['other', 0.05],
];
const TERMINAL_WORDS: Record<TerminalChannel, string[]> = {
  restaurant: ['Kitchen', 'Grill', 'Noodle House', 'Dumpling Hall', 'Bistro', 'Hot Pot', 'Barbecue'],
  bar_night: ['Tavern', 'Pub', 'Night Club', 'Beer Garden', 'Lounge', 'Karaoke'],
  supermarket: ['Supermarket', 'Hypermarket', 'Fresh Market'],
  convenience: ['Corner Shop', 'Mini Mart', 'Grocery', '24h Store', 'Convenience'],
  kiosk: ['Kiosk', 'Street Stall', 'Station Kiosk'],
  other: ['Sports Club', 'Hotel', 'Canteen', 'Cinema Bar'],
};
export const BRANDS = [
  {
    brand: 'Northstar',
    sizes: [
      [330, 'bottle', 24],
      [500, 'can', 24],
      [640, 'bottle', 12],
      [20000, 'keg', 1],
    ],
  },
  {
    brand: 'Northstar Light',
    sizes: [
      [330, 'can', 24],
      [500, 'can', 24],
      [330, 'bottle', 24],
    ],
  },
  {
    brand: 'Highland Wheat',
    sizes: [
      [500, 'bottle', 12],
      [330, 'can', 24],
      [30000, 'keg', 1],
    ],
  },
  {
    brand: 'Crystal Draft',
    sizes: [
      [500, 'can', 24],
      [1000, 'other', 12],
      [640, 'bottle', 12],
    ],
  },
  {
    brand: 'Amber Reserve',
    sizes: [
      [330, 'bottle', 24],
      [750, 'bottle', 6],
    ],
  },
  {
    brand: 'Citrus Radler',
    sizes: [
      [330, 'can', 24],
      [500, 'can', 12],
    ],
  },
] as const;

const pickWeighted = <T>(ctx: DemoContext, items: Array<[T, number]>): T => {
  let r = ctx.rng.next();
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1]![0];
};
export const personName = (ctx: DemoContext) => `${ctx.rng.pick(GIVEN)} ${ctx.rng.pick(SURNAMES)}`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function seedNetwork(ctx: DemoContext): void {
  const { db, rng, scale } = ctx;
  const areaCenters: Array<{ id: number; city: string; lat: number; lng: number; salespeople: number[]; regionIndex: number }> = [];
  let cityIndex = 0;
  const regionPeak = prepared(db, 'INSERT INTO region_peak_months (region_id, month) VALUES (?, ?)');
  const staffArea = prepared(db, 'INSERT INTO staff_areas (staff_id, area_id) VALUES (?, ?)');
  let staffNo = 1;
  for (let r = 0; r < scale.regions; r++) {
    const spec = REGIONS[r % REGIONS.length]!;
    const regionId = insertRow(db, 'regions', { code: spec.code, name: spec.name });
    for (const m of spec.peak) regionPeak.run(regionId, m);
    const staff = (role: string, areaIds: number[]) => {
      const id = insertRow(db, 'staff', {
        code: `E${pad(staffNo++, 4)}`,
        name: personName(ctx),
        role,
        region_id: regionId,
        phone: `+86 139 ${pad(rng.int(0, 9999), 4)} ${pad(rng.int(0, 9999), 4)}`,
        email: null,
        active: 1,
      });
      for (const a of areaIds) staffArea.run(id, a);
      return id;
    };
    const areaIds: number[] = [];
    for (let a = 0; a < scale.areasPerRegion; a++) {
      const city = CITIES[cityIndex % CITIES.length]! + (cityIndex >= CITIES.length ? ` ${Math.floor(cityIndex / CITIES.length) + 1}` : '');
      cityIndex++;
      const areaId = insertRow(db, 'areas', { code: `${spec.code}-${pad(a + 1, 2)}`, name: city, region_id: regionId });
      areaIds.push(areaId);
      const salespeople = Array.from({ length: scale.salespeoplePerArea }, () => staff('salesperson', [areaId]));
      areaCenters.push({
        id: areaId,
        city,
        lat: spec.lat + rng.normal(0, 1.2),
        lng: spec.lng + rng.normal(0, 1.2),
        salespeople,
        regionIndex: r,
      });
    }
    staff('regional_manager', areaIds);
    staff('logistics_coordinator', areaIds);
  }

  const insertSubDealer = prepared(
    db,
    `INSERT INTO sub_dealers (code, name, distributor_id, area_id, address, status, competitor_brand, latitude, longitude, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTerminal = prepared(
    db,
    `INSERT INTO terminals (code, name, channel, sub_dealer_id, distributor_id, area_id, address, status, competitor_brand, latitude, longitude, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = prepared(
    db,
    `INSERT INTO contacts (distributor_id, sub_dealer_id, name, role, level, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = ctx.today.toISOString();
  const outletStatus = () =>
    pickWeighted(ctx, [
      ['active', 0.8],
      ['prospect', 0.12],
      ['lost', 0.08],
    ]);
  const jitter = (v: number, sd: number) => Math.round((v + rng.normal(0, sd)) * 1e5) / 1e5;
  let subNo = 1;
  let termNo = 1;
  const phone = () => `+86 1${rng.int(30, 89)} ${pad(rng.int(0, 9999), 4)} ${pad(rng.int(0, 9999), 4)}`;
  for (let d = 0; d < scale.distributors; d++) {
    if (d % 10 === 0) {
      ctx.checkCancelled();
      ctx.progress(d / scale.distributors, 'Distributors and outlets');
    }
    const area = areaCenters[d % areaCenters.length]!;
    const city = area.city;
    // Size varies a lot between distributors: the 20/80 rule should be visible in the demo (with a
    // spread of 1.6 the largest fifth carries about three quarters of the volume, as in the seeds).
    const size = Math.exp(rng.normal(0, 1.6));
    const start = new Date(Date.UTC(2012 + rng.int(0, 11), rng.int(0, 11), rng.int(1, 28)));
    const distributorId = insertRow(db, 'distributors', {
      code: `D${pad(d + 1, 4)}`,
      // City alone for the area's first distributor; later ones get a trading name, as real ones do.
      name:
        d < areaCenters.length
          ? `${city} ${rng.pick(DISTRIBUTOR_SUFFIX)}`
          : `${city} ${DISTRIBUTOR_WORDS[Math.floor(d / areaCenters.length) % DISTRIBUTOR_WORDS.length]} ${rng.pick(DISTRIBUTOR_SUFFIX)}`,
      area_id: area.id,
      address: `${rng.int(1, 400)} ${rng.pick(['Harbour', 'Station', 'Market', 'Industrial', 'Ring'])} Road, ${city}`,
      salesperson_id: rng.pick(area.salespeople),
      lead_time_days: rng.pick([3, 5, 7, 7, 10, 14, 21]),
      warehouse_capacity_cases: Math.round((4000 + 20000 * size) / 100) * 100,
      relationship_level: pickWeighted(ctx, [
        [1, 0.45],
        [2, 0.4],
        [3, 0.15],
      ]),
      status: pickWeighted(ctx, [
        ['active', 0.92],
        ['on_hold', 0.06],
        ['ended', 0.02],
      ]),
      start_date: isoDay(start),
    });
    const contactCount = pickWeighted(ctx, [
      [1, 0.25],
      [2, 0.35],
      [3, 0.25],
      [4, 0.15],
    ]);
    const levels = ['owner', 'purchasing', 'general_manager', 'warehouse'];
    for (let c = 0; c < contactCount; c++) {
      insertContact.run(distributorId, null, personName(ctx), levels[c] === 'owner' ? 'Owner' : null, levels[c], phone(), now, now);
    }
    const subCount = Math.max(1, Math.round(scale.subDealersPerDistributor * (0.5 + rng.next())));
    const subIds: number[] = [];
    for (let s = 0; s < subCount; s++) {
      const status = outletStatus();
      const info = insertSubDealer.run(
        `S${pad(subNo++, 6)}`,
        `${rng.chance(0.5) ? rng.pick(SURNAMES) : rng.pick(OUTLET_WORDS)} ${rng.pick(SUB_DEALER_SUFFIX)}`,
        distributorId,
        area.id,
        `${rng.int(1, 900)} ${rng.pick(['Main', 'Market', 'Park', 'River', 'Bridge'])} Street, ${city}`,
        status,
        status !== 'active' || rng.chance(0.2) ? rng.pick(COMPETITORS) : null,
        jitter(area.lat, 0.08),
        jitter(area.lng, 0.08),
        now,
        now,
      );
      insertContact.run(null, Number(info.lastInsertRowid), personName(ctx), 'Owner', 'owner', phone(), now, now);
      subIds.push(Number(info.lastInsertRowid));
    }
    const termCount = Math.max(2, Math.round(scale.terminalsPerDistributor * (0.5 + rng.next())));
    for (let t = 0; t < termCount; t++) {
      const channel = pickWeighted(ctx, CHANNEL_MIX);
      const viaSub = rng.chance(0.7);
      const status = outletStatus();
      insertTerminal.run(
        `T${pad(termNo++, 7)}`,
        rng.chance(0.4)
          ? `${rng.pick(SURNAMES)}'s ${rng.pick(TERMINAL_WORDS[channel])}`
          : `${rng.pick(OUTLET_WORDS)} ${rng.pick(TERMINAL_WORDS[channel])}`,
        channel,
        viaSub ? rng.pick(subIds) : null,
        viaSub ? null : distributorId,
        area.id,
        `${rng.int(1, 999)} ${rng.pick(['Lotus', 'Pine', 'Garden', 'Harbour', 'Central', 'Old Town'])} Lane, ${city}`,
        status,
        status !== 'active' || rng.chance(0.15) ? rng.pick(COMPETITORS) : null,
        jitter(area.lat, 0.06),
        jitter(area.lng, 0.06),
        now,
        now,
      );
    }
  }
}

function seedProducts(ctx: DemoContext): void {
  const { db, rng, scale, today } = ctx;
  let n = 0;
  let variant = 0;
  while (n < scale.skus) {
    for (const b of BRANDS) {
      for (const [size, pack, units] of b.sizes) {
        if (n >= scale.skus) return;
        const edition =
          variant === 0
            ? ''
            : ` ${['Classic', 'Festival', 'Export', 'Premium', 'Winter', 'Party Pack', 'Gold', 'Original', 'Fresh', 'Special'][variant % 10]}${variant >= 10 ? ` ${Math.floor(variant / 10) + 1}` : ''}`;
        // Each brand has launches in the last year and old SKUs being phased out.
        const status = rng.chance(0.08) ? 'new' : rng.chance(0.08) ? 'phase_out' : 'active';
        const launch = new Date(today);
        launch.setUTCMonth(launch.getUTCMonth() - (status === 'new' ? rng.int(2, 14) : rng.int(30, 120)));
        insertRow(db, 'products', {
          sku: `${b.brand.replace(/[^A-Z]/g, '')}-${size}${pack[0]!.toUpperCase()}-${pad(++n, 3)}`,
          name: `${b.brand}${edition} ${size >= 1000 ? `${size / 1000} L` : `${size} ml`} ${pack}`,
          brand: b.brand,
          pack,
          size_ml: size,
          units_per_case: units,
          status,
          launch_date: isoDay(launch),
        });
      }
    }
    variant++;
  }
}

export const networkDemoStep: DemoStep = {
  name: 'network',
  weight: 3,
  run(ctx) {
    seedNetwork(ctx);
    seedProducts(ctx);
  },
};
