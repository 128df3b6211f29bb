import { TEMPLATE_SHEET, type Cell, type SheetGrid } from "../../core";
import { filledTemplate } from "../../scripts/bench/workbooks";

/**
 * The filled template (checked against the resolution: it carries the marker) with what a clerk meets in a real
 * workbook, each at a known cell of `Chỉ tiêu 2025-2030` (grid row r is sheet row r + 1; H = 2026, I = 2027):
 * - KT5.1 (`%`, đạt 20%): 2027 typed `0,87` among figures above 1 (I19), a fraction that may mean 87%;
 * - XH1 (baseline 12, đạt 10): 2027 typed `1.5` (I24), a `.` read as a decimal point;
 * - XH3: target `dưới 25%` where the resolution says `dưới 30%` (G26);
 * - XH2: 2028 typed `0,5` (J25), a warning on a year after 2027 that the 2027 figures do not rest on;
 * - KT3.1 (Cộng dồn, 150 ha): 22 + 16 = 38 lũy kế by 2027; KT3.5 (Tăng bình quân, 59.856 con): 62.000, 65.000;
 * - KT7 and XH12.2 deleted (their rows left blank): the resolution's targets that no sheet holds.
 */
export function truthWorkbook(): SheetGrid[] {
  return filledTemplate().map((grid) => {
    if (grid.name !== TEMPLATE_SHEET) return grid;
    const values = grid.values.map((row) => [...row]);
    const at = (code: string) => values.findIndex((row) => row[0] === code);
    const set = (code: string, column: number, value: Cell) => (values[at(code)][column] = value);
    set("KT5.1", 8, "0,87");
    set("XH1", 8, "1.5");
    set("XH3", 6, "dưới 25%");
    set("XH2", 9, "0,5");
    set("KT3.1", 7, 22);
    set("KT3.1", 8, 16);
    set("KT3.5", 7, 62000);
    set("KT3.5", 8, 65000);
    for (const code of ["KT7", "XH12.2"]) values[at(code)] = values[at(code)].map(() => null);
    return { ...grid, values };
  });
}
