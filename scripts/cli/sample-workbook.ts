import { figureFormat, TEMPLATE_HEADER_ROW, templateLayouts, type SheetLayout } from "../../core";
import { SAMPLE_NOTE, SAMPLE_ROWS, SAMPLE_TITLE_SUFFIX } from "./sample-data";

/**
 * The template's sheets with the illustrative 2026–2027 results of sample-data.ts typed in, the title and the
 * note row saying SỐ LIỆU MINH HỌA. Columns are found by their header, so the template may move them.
 */
export function sampleLayouts(): SheetLayout[] {
  const [targets, ...others] = templateLayouts();
  const values = targets.values.map((row) => [...row]);
  const formats = targets.formats.map((row) => [...row]);
  const header = values[TEMPLATE_HEADER_ROW - 1];
  const column = (name: string | number) => header.findIndex((h) => h === name || String(h) === String(name));
  const [code, baseline, y2026, y2027] = [column("Mã"), column("Cơ sở 2025"), column(2026), column(2027)];
  const put = (r: number, c: number, value: number | undefined) => {
    if (value === undefined || c < 0) return;
    values[r][c] = value;
    formats[r][c] = figureFormat(value);
  };
  for (const sample of SAMPLE_ROWS) {
    const r = values.findIndex((row) => row[code] === sample.code);
    if (r < 0) continue;
    if (values[r][baseline] === null) put(r, baseline, sample.baseline);
    put(r, y2026, sample[2026]);
    put(r, y2027, sample[2027]);
  }
  // The title is the heading above the header that names the term; the note replaces the line under it.
  const above = values.slice(0, TEMPLATE_HEADER_ROW - 1).map((row) => row[0]);
  const title = Math.max(
    0,
    above.findIndex((text) => typeof text === "string" && text.includes("NHIỆM KỲ")),
  );
  values[title][0] = `${values[title][0] ?? ""}${SAMPLE_TITLE_SUFFIX}`;
  const note = title + 1 < above.length ? title + 1 : title;
  values[note][0] = note === title ? `${values[title][0]} ${SAMPLE_NOTE}` : SAMPLE_NOTE;
  return [{ ...targets, values, formats }, ...others];
}
