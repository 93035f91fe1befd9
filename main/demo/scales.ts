import type { DemoScale } from '../../shared/contract/system.js';

export interface ScaleSpec {
  regions: number;
  areasPerRegion: number;
  distributors: number;
  subDealersPerDistributor: number;
  terminalsPerDistributor: number;
  skus: number;
  salespeoplePerArea: number;
}

/** L is the size of a big region as the benchmarks name it; XL is ten times L's network. */
export const SCALES: Record<DemoScale, ScaleSpec> = {
  S: {
    regions: 1,
    areasPerRegion: 4,
    distributors: 20,
    subDealersPerDistributor: 8,
    terminalsPerDistributor: 60,
    skus: 30,
    salespeoplePerArea: 2,
  },
  M: {
    regions: 2,
    areasPerRegion: 5,
    distributors: 60,
    subDealersPerDistributor: 15,
    terminalsPerDistributor: 200,
    skus: 60,
    salespeoplePerArea: 2,
  },
  L: {
    regions: 3,
    areasPerRegion: 8,
    distributors: 300,
    subDealersPerDistributor: 20,
    terminalsPerDistributor: 400,
    skus: 150,
    salespeoplePerArea: 3,
  },
  XL: {
    regions: 6,
    areasPerRegion: 12,
    distributors: 3000,
    subDealersPerDistributor: 20,
    terminalsPerDistributor: 400,
    skus: 150,
    salespeoplePerArea: 4,
  },
};
