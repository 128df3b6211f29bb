import { describe, expect, it } from "vitest";
import { findHeader } from "../../core/header";
import {
  communeKey,
  planCollect,
  planSplit,
  readWorkbook,
  safeFileName,
  unitFileName,
  unitMarkerText,
  type Cell,
  type SheetGrid,
} from "../../core";

/** The collect plan (contract section 7) on literal grids: what lands, what conflicts, what is refused and why. */

const HEADER: Cell[] = [
  "Mã",
  "Chỉ tiêu",
  "ĐVT",
  "Cách tính",
  "Cơ sở 2025",
  "Mục tiêu 2030",
  2026,
  2027,
  2028,
  "Kế hoạch 2029",
  "Đơn vị theo dõi",
];
/** Master: title row 1, header row 2, rows from 3; J is Kế hoạch 2029, I is 2028. */
const master = (...rows: Cell[][]): SheetGrid => ({ name: "Chỉ tiêu", values: [["ĐẢNG ỦY XÃ CO MẠ"], HEADER, ...rows] });
const ROWS: Cell[][] = [
  ["KT3", "Cây trồng", "", "", null, null, null, null, null, null, "Phòng Kinh tế"],
  ["KT3.2", "Diện tích lương thực", "ha", "Năm", 4900, "5.065", 4950, 5010, null, null, null],
  ["XH3", "Tỷ lệ hộ nghèo", "%", "Năm", 34.1, "dưới 20", 31.8, 30.9, null, null, "Phòng Văn hóa – Xã hội"],
  ["XH12.1", "Bản an toàn", "%", "Năm", 85, "≥ 90", 88, 92, 93, null, "Công an xã"],
];

/** A unit's sheet as a unit sends it back without COMA's marker: any sheet with `Mã` and a 2028 column. */
const unmarked = (...rows: Cell[][]): SheetGrid => ({ name: "Sheet1", values: [["Mã", "Năm 2028", "Kế hoạch 2029"], ...rows] });
/** A unit's sheet with the marker COMA writes (column L hidden), a row's code in it. */
const marked = (marker: { year: number; unit: string; office: string }, ...rows: [string, Cell][]): SheetGrid => ({
  name: "Số liệu",
  values: [
    [null, null, null, null, unitMarkerText(marker)],
    ["Mã", "Chỉ tiêu", "Thực hiện 2028", "Kế hoạch 2029"],
    // The name as COMA copied it from the master (a locked cell).
    ...rows.map(([code, value]): Cell[] => [code, ROWS.find((r) => r[0] === code)?.[1] ?? null, value, null, code]),
  ],
});
const OFFICE = "ĐẢNG ỦY XÃ CO MẠ";

describe("the units' column", () => {
  it("should give a sub-metric without unit its parent's", () => {
    const read = readWorkbook([master(...ROWS)]);
    expect(read.indicators.map((i) => `${i.code} ${i.keeper}`)).toEqual([
      "KT3 Phòng Kinh tế",
      "KT3.2 Phòng Kinh tế",
      "XH3 Phòng Văn hóa – Xã hội",
      "XH12.1 Công an xã",
    ]);
  });

  it("should read `Đơn vị` as the unit that keeps the row, and as the unit of measure on a sheet without ĐVT whose cells are no bodies", () => {
    const keeper = findHeader([
      ["Mã", "Chỉ tiêu", "ĐVT", "Mục tiêu 2030", "Đơn vị"],
      ["KT1", "x", "ha", 5, "Phòng Kinh tế"],
    ])!;
    expect([keeper.columns.unit, keeper.columns.keeper]).toEqual([2, 4]);
    const measure = findHeader([
      ["Mã", "Chỉ tiêu", "Đơn vị", "Mục tiêu 2030"],
      ["KT1", "x", "ha", 5],
    ])!;
    expect([measure.columns.unit, measure.columns.keeper]).toEqual([2, undefined]);
    const lone = findHeader([
      ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "Đơn vị"],
      ["KT1", "x", 5, "Công an xã"],
    ])!;
    expect([lone.columns.unit, lone.columns.keeper]).toEqual([undefined, 3]);
  });

  it("should know a commune by the name after xã, whatever the title around it", () => {
    expect(["ĐẢNG ỦY XÃ CO MẠ", "Đảng bộ xã Co Mạ lần thứ I", "UBND XÃ CO MẠ - NĂM 2028", "Văn phòng"].map(communeKey)).toEqual([
      "co ma",
      "co ma",
      "co ma",
      "van phong",
    ]);
  });

  it("should name a unit's file in ASCII without diacritics", () => {
    expect(unitFileName("Phòng Văn hóa – Xã hội", 2028)).toBe("Phong Van hoa - Xa hoi - so lieu 2028.xlsx");
    expect(safeFileName("Văn phòng HĐND và UBND / “Tổ 1”")).toBe("Van phong HDND va UBND To 1");
  });
});

describe("the split plan", () => {
  it("should default to the first year whose column is mostly empty and put rows without unit in their own file", () => {
    const plan = planSplit([master(...ROWS, ["XD2", "Đảng viên mới", "đảng viên", "Cộng dồn", null, "80", 18, 17, null, null, null])])!;
    // 2026 and 2027 filled on every figure row; 2028 on 1 of 4 → 2028
    expect(plan.year).toBe(2028);
    expect(plan.files.map((f) => `${f.fileName}: ${f.codes.join(" ")}`)).toEqual([
      "Phong Kinh te - so lieu 2028.xlsx: KT3.2",
      "Phong Van hoa - Xa hoi - so lieu 2028.xlsx: XH3",
      "Cong an xa - so lieu 2028.xlsx: XH12.1",
      "Chua phan cong - so lieu 2028.xlsx: XD2",
    ]);
  });

  it("should lock every cell but the year's and the plan's, and carry the year, unit and office in a hidden marker", () => {
    const layout = planSplit([master(...ROWS)], { year: 2028 })!.files[0].layout;
    expect(layout.protect).toBe(true);
    expect(layout.styles.filter((s) => s.style.unlocked).map((s) => s.range)).toEqual(["H6:I6"]);
    expect(layout.values[0][10]).toBe(unitMarkerText({ year: 2028, unit: "Phòng Kinh tế", office: OFFICE }));
    expect(layout.hiddenColumns).toEqual([10]);
    expect(layout.values.slice(4).map((r) => r[10])).toEqual(["KT3", "KT3.2"]);
  });
});

describe("the collect plan", () => {
  const collect = (
    units: { file: string; grids: SheetGrid[] }[],
    overwrite = false,
    extra: Partial<Parameters<typeof planCollect>[0]> = {},
  ) => planCollect({ grids: [master(...ROWS)], ...extra }, units, { overwrite })!;

  it("should read a unit's text numbers as section 1 does and write them as numbers, naming the unit's cell", () => {
    const plan = collect([{ file: "kt.xlsx", grids: [unmarked(["KT3.2", "5.060", "5.100"])] }]);
    expect(plan.year).toBe(2028);
    expect(plan.writes.map((w) => `${w.cell}=${w.value}`)).toEqual(["I4=5060", "J4=5100"]);
    expect(plan.problems.map((p) => `${p.sheet}!${p.cell} ${p.rule}`)).toEqual([
      "[kt.xlsx]Sheet1!B2 text-number",
      "[kt.xlsx]Sheet1!C2 text-number",
    ]);
  });

  it("should keep a different master figure and list the conflict, or write it with overwrite", () => {
    const units = [{ file: "ca.xlsx", grids: [unmarked(["XH12.1", 95])] }];
    expect(collect(units).conflicts).toEqual([
      { code: "XH12.1", sheet: "Chỉ tiêu", cell: "I6", master: 93, unit: "ca", file: "ca.xlsx", value: 95, reason: "different" },
    ]);
    expect(collect(units).writes).toEqual([]);
    expect(collect(units, true).writes.map((w) => `${w.cell}=${w.value}`)).toEqual(["I6=95"]);
  });

  it("should take the same figure twice without conflict, and list two different figures of one unit", () => {
    const same = collect([
      { file: "a.xlsx", grids: [unmarked(["XH3", 29.8])] },
      { file: "b.xlsx", grids: [unmarked(["XH3", "29,8"])] },
    ]);
    expect([same.writes.length, same.conflicts.length]).toEqual([1, 0]);
    const different = collect([
      { file: "a.xlsx", grids: [unmarked(["XH3", 29.8])] },
      { file: "b.xlsx", grids: [unmarked(["XH3", 29.5])] },
    ]);
    expect(different.conflicts.map((c) => `${c.file} ${c.value} ${c.reason}`)).toEqual([
      "a.xlsx 29.8 units-disagree",
      "b.xlsx 29.5 units-disagree",
    ]);
    expect(different.writes).toEqual([]);
  });

  it("should never write a formula cell nor into a merged range", () => {
    const units = [{ file: "a.xlsx", grids: [unmarked(["KT3.2", 5060], ["XH3", 29.8])] }];
    const plan = collect(units, true, { formulas: [{ sheet: "Chỉ tiêu", cell: "I4" }], merges: [{ sheet: "Chỉ tiêu", range: "I5:J5" }] });
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts.map((c) => `${c.cell} ${c.reason}`)).toEqual(["I4 formula"]);
    expect(plan.problems.map((p) => `${p.cell} ${p.rule}`)).toEqual(["I5 master-merged-cell"]);
  });

  it("should refuse a unit's file of another year or another commune, and warn about a code the master lacks", () => {
    const plan = collect([
      { file: "old.xlsx", grids: [marked({ year: 2027, unit: "Công an xã", office: OFFICE }, ["XH12.1", 90])] },
      { file: "ok.xlsx", grids: [marked({ year: 2028, unit: "Phòng Kinh tế", office: OFFICE }, ["KT3.2", 5060])] },
      { file: "ok2.xlsx", grids: [marked({ year: 2028, unit: "Phòng Kinh tế", office: OFFICE }, ["KT9", 1])] },
      { file: "other.xlsx", grids: [marked({ year: 2028, unit: "Phòng Kinh tế", office: "ĐẢNG ỦY XÃ PÁ LÔNG" }, ["KT3.2", 1])] },
    ]);
    expect(plan.problems.map((p) => `${p.sheet} ${p.rule}`)).toEqual([
      "[old.xlsx]Số liệu unit-file-other-year",
      "[ok2.xlsx]Số liệu unit-file-unknown-code",
      "[other.xlsx]Số liệu unit-file-other-commune",
    ]);
    expect(plan.writes.map((w) => `${w.code}=${w.value}`)).toEqual(["KT3.2=5060"]);
    expect(plan.units.map((u) => u.file)).toEqual(["ok.xlsx", "ok2.xlsx"]);
  });

  it("should write a percent as a fraction into a master cell formatted as a percentage", () => {
    const grid = master(...ROWS);
    // XH3 is grid row 4 (title, header, KT3, KT3.2, XH3); column I (index 8) is 2028
    grid.formats = grid.values.map((row, r) => row.map((_, c) => (r === 4 && c === 8 ? "0.0%" : null)));
    const plan = planCollect({ grids: [grid] }, [{ file: "a.xlsx", grids: [unmarked(["XH3", "29,8"])] }])!;
    // 29,8 % → 0.298 in a cell that shows it as 29,8%
    expect(plan.writes.map((w) => `${w.cell}=${w.value}`)).toEqual(["I5=0.298"]);
  });

  it("should list what is still blank per unit, a row already filled not among them", () => {
    const plan = collect([{ file: "kt.xlsx", grids: [unmarked(["KT3.2", 5060])] }]);
    expect(plan.missing).toEqual([{ unit: "Phòng Văn hóa – Xã hội", codes: ["XH3"] }]);
  });

  it("should refuse a file with no sheet holding Mã and the year's column", () => {
    const plan = collect([
      {
        file: "x.xlsx",
        grids: [
          {
            name: "A",
            values: [
              ["Mã", "Năm 2027"],
              ["KT3.2", 1],
            ],
          },
        ],
      },
    ]);
    expect(plan.problems.map((p) => `${p.sheet} ${p.rule} ${p.severity}`)).toEqual(["[x.xlsx] unit-file-no-sheet error"]);
  });
});
