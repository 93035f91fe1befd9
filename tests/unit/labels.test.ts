import { describe, expect, it } from 'vitest';
import { staffOptions } from '../../shared/domain/labels.js';

describe('labels that tell people apart', () => {
  it('adds code and area or region only where names collide', () => {
    const staff = [
      { id: 1, name: 'Yan Liu', code: 'S001', regionName: 'North', areaNames: ['Riverside'] },
      { id: 2, name: 'Yan Liu', code: 'S014', regionName: 'South', areaNames: ['A', 'B', 'C'] },
      { id: 3, name: 'Tao Hu', code: 'S002', regionName: 'North', areaNames: ['Lakeview'] },
      { id: 4, name: 'yan liu', code: 'S020', regionName: 'East', areaNames: [] },
    ];
    expect(staffOptions(staff)).toEqual([
      { value: 1, label: 'Yan Liu (S001 · Riverside, North)' },
      { value: 2, label: 'Yan Liu (S014 · South)' },
      { value: 3, label: 'Tao Hu' },
      { value: 4, label: 'yan liu (S020 · East)' },
    ]);
  });
});
