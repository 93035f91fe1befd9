import { useState } from 'react';
import { SelectField } from './Fields.js';

/** A region whose rules a form sets: every region's rules are its own, set by its manager or coordinator. */
export interface RuledRegion {
  regionId: number;
  regionName: string;
}

/**
 * The region a rules form edits and its draft: the first region until another is chosen, and a draft
 * per region (the region's saved rules until typed into), so switching region never carries one
 * region's figures into another's and switching back keeps what was typed.
 */
export function useRegionDrafts<R extends RuledRegion, D>(regions: readonly R[], draftOf: (region: R) => D) {
  const [chosen, setChosen] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, D>>({});
  const region = regions.find((r) => r.regionId === chosen) ?? regions[0];
  return {
    region,
    draft: region ? (drafts[region.regionId] ?? draftOf(region)) : undefined,
    choose: setChosen,
    setDraft: (draft: D) => {
      if (region) setDrafts((all) => ({ ...all, [region.regionId]: draft }));
    },
  };
}

/** The region choice above a rules form: a select for a person of several regions, the region named for one. */
export function RegionChoice({
  regions,
  value,
  onChange,
  label,
  hint,
  only,
}: {
  regions: readonly RuledRegion[];
  value: number;
  onChange(regionId: number): void;
  label: string;
  hint: string;
  /** Said instead of the choice when there is one region. */
  only: string;
}) {
  if (regions.length <= 1) return <p className="muted">{only}</p>;
  return (
    <div className="form-grid">
      <SelectField
        label={label}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        options={regions.map((r) => ({ value: r.regionId, label: r.regionName }))}
        hint={hint}
      />
    </div>
  );
}
