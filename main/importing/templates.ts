import type { ImportEntity } from '../../shared/domain/importing.js';
import type { ExportRow } from './entities.js';

/**
 * Example rows for the downloadable import templates: one typical record and one that shows the optional
 * forms (a decimal, a blank optional cell), in the values the importer accepts in any language.
 */
const EXAMPLES: Record<ImportEntity, ExportRow[]> = {
  regions: [
    { code: 'NORTH', name: 'North Region', peakMonths: '5-9' },
    { code: 'SOUTH', name: 'South Region', peakMonths: '4,5,6,7,8,9,10' },
  ],
  areas: [
    { code: 'N-01', name: 'Riverside', region: 'NORTH' },
    { code: 'N-02', name: 'Lakeview', region: 'NORTH' },
  ],
  staff: [
    {
      code: 'E001',
      name: 'Li Wei',
      role: 'salesperson',
      region: 'NORTH',
      areas: 'N-01;N-02',
      phone: '+86 138 0000 0001',
      email: '',
      active: 'yes',
    },
    {
      code: 'E002',
      name: 'Ana Ruiz',
      role: 'regional_manager',
      region: 'NORTH',
      areas: '',
      phone: '',
      email: 'ana@example.com',
      active: 'yes',
    },
  ],
  distributors: [
    {
      code: 'D001',
      name: 'Riverside Beverage Co.',
      area: 'N-01',
      address: '12 Harbour Road',
      salesperson: 'E001',
      leadTimeDays: 7,
      warehouseCapacityCases: 24000,
      relationshipLevel: 3,
      status: 'active',
      startDate: '2015-04-01',
    },
    {
      code: 'D002',
      name: 'Lakeview Drinks Supply',
      area: 'N-02',
      address: '',
      salesperson: '',
      leadTimeDays: 5,
      warehouseCapacityCases: 12000,
      relationshipLevel: 2,
      status: 'on_hold',
      startDate: '',
    },
  ],
  subDealers: [
    {
      code: 'S001',
      name: 'Wang Wholesale',
      distributor: 'D001',
      area: 'N-01',
      address: '',
      status: 'active',
      competitorBrand: '',
      latitude: 45.81,
      longitude: 126.53,
    },
    {
      code: 'S002',
      name: 'Li Drinks',
      distributor: 'D002',
      area: 'N-02',
      address: '',
      status: 'prospect',
      competitorBrand: 'Golden Peak',
      latitude: '',
      longitude: '',
    },
  ],
  terminals: [
    {
      code: 'T001',
      name: 'Bar El Puerto',
      channel: 'bar_night',
      subDealer: 'S001',
      distributor: '',
      area: 'N-01',
      address: '',
      status: 'active',
      competitorBrand: '',
      latitude: 45.81,
      longitude: 126.53,
    },
    {
      code: 'T002',
      name: 'Central Supermarket',
      channel: 'supermarket',
      subDealer: '',
      distributor: 'D002',
      area: 'N-02',
      address: '',
      status: 'prospect',
      competitorBrand: '',
      latitude: '',
      longitude: '',
    },
  ],
  contacts: [
    { ownerType: 'distributor', owner: 'D001', name: 'Zhang Min', role: 'Owner', level: 'owner', phone: '+86 138 0000 0002' },
    { ownerType: 'terminal', owner: 'T001', name: 'Pedro Gil', role: '', level: 'purchasing', phone: '' },
  ],
  products: [
    {
      sku: 'NS-330B',
      name: 'Northern Star 330 ml bottle',
      brand: 'Northern Star',
      pack: 'bottle',
      sizeMl: 330,
      unitsPerCase: 24,
      status: 'active',
      launchDate: '',
    },
    {
      sku: 'HW-500B',
      name: 'Harvest Wheat 500 ml bottle',
      brand: 'Harvest Wheat',
      pack: 'bottle',
      sizeMl: 500,
      unitsPerCase: 12,
      status: 'new',
      launchDate: '2026-04-01',
    },
  ],
  salesHistory: [
    { distributor: 'D001', sku: 'NS-330B', month: '2026-01', cases: 120, revenue: 5400.5 },
    { distributor: 'D001', sku: 'NS-330B', month: '2026-02', cases: 95, revenue: '' },
  ],
  stockSnapshots: [
    { distributor: 'D001', sku: 'NS-330B', date: '2026-03-01', cases: 450 },
    { distributor: 'D002', sku: 'NS-330B', date: '2026-03-01', cases: 0 },
  ],
  shipments: [
    { distributor: 'D001', sku: 'NS-330B', cases: 600, shipDate: '2026-03-02', arrivalDate: '2026-03-09', status: 'in_transit' },
    { distributor: 'D002', sku: 'NS-330B', cases: 300, shipDate: '2026-03-20', arrivalDate: '2026-03-25', status: 'planned' },
  ],
  devPlans: [
    {
      salesperson: 'E001',
      month: '2026-03',
      areas: 'N-01;N-02',
      plannedVisits: 60,
      newSubDealers: 2,
      newTerminals: 8,
      competitors: 'Golden Peak:3',
      note: '',
    },
    {
      salesperson: 'E001',
      month: '2026-04',
      areas: 'N-01',
      plannedVisits: 55,
      newSubDealers: 1,
      newTerminals: 6,
      competitors: '',
      note: 'Focus on night venues',
    },
  ],
  visits: [
    {
      salesperson: 'E001',
      day: '2026-03-02',
      outletType: 'terminal',
      outlet: 'T001',
      purpose: 'develop',
      outcome: 'interested',
      nextStep: 'Bring the price list',
      nextDate: '2026-03-09',
      note: '',
    },
    {
      salesperson: 'E001',
      day: '2026-03-02',
      outletType: 'distributor',
      outlet: 'D001',
      purpose: 'service',
      outcome: 'done',
      nextStep: '',
      nextDate: '',
      note: 'Stock checked',
    },
  ],
  weeklyReviews: [
    {
      salesperson: 'E001',
      weekStart: '2026-03-02',
      problems: 'Two kiosks closed for repairs',
      successes: 'Tasting at Bar El Puerto won a new terminal',
    },
    { salesperson: 'E001', weekStart: '2026-03-09', problems: '', successes: '' },
  ],
};

export function templateRows(entity: ImportEntity): ExportRow[] {
  return EXAMPLES[entity];
}
