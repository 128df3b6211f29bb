/**
 * Names for new sheets that no sheet has yet, compared as Excel does (case-insensitively): `Chỉ tiêu 2025-2030 (2)`.
 * Each name given is taken for the next ones, so two wanted names never come out the same.
 */
export function freeNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return wanted.map((base) => {
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}
