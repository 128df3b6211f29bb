import type { Cell, SheetGrid } from "../../core";
import { TEMPLATE_COLUMNS, templateLayouts } from "../../core";

/** The template's sheets as grids, with figures for 2026 and 2027 in every target row (deterministic). */
export function filledTemplate(): SheetGrid[] {
  return templateLayouts().map((layout) => {
    const values = layout.values.map((row) => [...row] as Cell[]);
    values.forEach((row, r) => {
      if (typeof row[6] === "string" && row[6] !== "" && r > 4) {
        row[7] = 10 + (r % 7) * 3;
        row[8] = 12 + (r % 5) * 4;
      }
    });
    return { name: layout.name, values, formats: layout.formats };
  });
}

const HEADER: Cell[] = [...TEMPLATE_COLUMNS];
const METHODS = ["Năm", "Cộng dồn", "Tăng bình quân", "Hằng năm"];
const TARGETS = ["≥ 90%", "trên 50", "dưới 30", "7-8", "5.065", "giảm tối thiểu 10%"];

/** A target sheet of `rows` indicators (codes KT1.1 …), figures that vary by row, some typed as text. */
export function largeSheet(rows: number): SheetGrid {
  const values: Cell[][] = [["ĐẢNG ỦY XÃ CO MẠ"], [], HEADER];
  for (let i = 0; i < rows; i++) {
    const group = ["KT", "XH", "XD"][i % 3];
    const base = 20 + (i % 50);
    values.push([
      `${group}${1 + Math.floor(i / 300)}.${1 + (i % 300)}`,
      `Chỉ tiêu số ${i + 1}`,
      group,
      "%",
      METHODS[i % 4],
      base,
      TARGETS[i % 6],
      base + 1,
      i % 11 === 0 ? `${base + 2},5` : base + 2,
      null,
      null,
      null,
      "",
    ]);
  }
  return { name: "Chỉ tiêu", values };
}
