/**
 * Names repeat: two "Yan Liu" in different regions, two distributors called "Riverside Trading".
 * Where a name is shared within the list being shown, the label adds the code and the area or
 * region, so the pick is never a guess; unique names stay short.
 */
export function distinctLabels<T extends { name: string; code: string }>(
  items: readonly T[],
  where: (item: T) => string | null | undefined,
): Map<T, string> {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.name.toLowerCase(), (count.get(i.name.toLowerCase()) ?? 0) + 1);
  return new Map(
    items.map((i) => {
      if ((count.get(i.name.toLowerCase()) ?? 0) < 2) return [i, i.name];
      const place = where(i);
      return [i, `${i.name} (${i.code}${place ? ` · ${place}` : ''})`];
    }),
  );
}

/** A staff member's place for a label: their areas if they have few, else their region. */
export const staffPlace = (s: { regionName: string; areaNames: string[] }) =>
  s.areaNames.length > 0 && s.areaNames.length <= 2 ? `${s.areaNames.join(', ')}, ${s.regionName}` : s.regionName;

export function staffOptions<T extends { id: number; name: string; code: string; regionName: string; areaNames: string[] }>(
  staff: readonly T[],
) {
  const labels = distinctLabels(staff, staffPlace);
  return staff.map((s) => ({ value: s.id, label: labels.get(s)! }));
}
