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

/**
 * The summary's file name for a workbook's: `<name>-tong-hop-btv-<year>.xlsx`, `.xlsm` for a workbook with macros (Excel
 * opens it only so). The command line writes it beside the source, the page downloads it.
 */
export function summaryFileName(fileName: string, year: number): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = fileName.slice(stem.length).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  return `${stem}-tong-hop-btv-${year}${extension}`;
}

/**
 * The collected workbook's file name for a master's: `<name>-thu-thap-<year>.xlsx`, `.xlsm` kept; an earlier collected
 * file's suffix is not repeated. The command line writes it beside the master, the page downloads it.
 */
export function collectFileName(fileName: string, year: number): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = fileName.slice(stem.length).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  return `${stem.replace(/-thu-thap-\d{4}(?:-\d+)?$/, "")}-thu-thap-${year}${extension}`;
}
