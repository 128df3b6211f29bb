import type { CellValue } from "exceljs";
import type { Random } from "./random";

/** Texts officials type, and texts nobody should: every one must be read without a crash. */
const TEXTS = [
  "KT1",
  "KT3.2",
  "kt 3.1",
  "XH12.1",
  "XD1.3",
  "XD99999999999999999999",
  "KT1.",
  "KT0",
  "XH",
  "I. KINH TẾ",
  "≥ 90%",
  "trên 2.800",
  "dưới 30",
  "7-8",
  "8-7",
  "giảm tối thiểu 10%",
  "100%",
  "từ 80 trở lên",
  "tối đa 5",
  "1.5-",
  "3.265",
  "126,1 %",
  "8.474,1",
  "5.296.040.383",
  "1.5",
  "-3",
  "1e5",
  "12,5,1",
  "∞",
  "NaN",
  "Infinity",
  "0,0000001",
  "9".repeat(400),
  "1" + ".000".repeat(150),
  "Năm",
  "Cộng dồn",
  "Tăng bình quân",
  "Hằng năm",
  "Hàng năm",
  "lũy kế",
  "?",
  "%",
  "ha",
  "hộ",
  "người",
  "triệu đồng",
  "Mã",
  "Chỉ tiêu",
  "Mục tiêu 2030",
  "Cơ sở 2025",
  "2026",
  "Năm 2027",
  "Ghi chú",
  "#DIV/0!",
  "#N/A",
  "#REF!",
  " #VALUE! ",
  "COMA:tong-hop-btv:2027",
  "COMA:tong-hop-btv:",
  "=1+1",
  '=HYPERLINK("http://x","y")',
  "+84 912",
  "-x",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "=cmd|'/c calc'!A0",
];

const UNICODE = [
  "e\u0301\u0301\u0301\u0301",
  "Co Ma\u0323\u0323",
  "\u202Eشسيب\u202C",
  "עברית 2027",
  "👨‍👩‍👧‍👦🇻🇳",
  "\u0000\u0001\u0008",
  "\uFEFFKT1",
  "\uD800",
  "\uDFFF lone surrogates",
  "Ｋ Ｔ １",
  "KT\u200B1",
  "\u00a0\u00a0",
  "ĐẢNG ỦY XÃ CO MẠ",
  "ǅ ß ﬁ İ",
  "\u2028\u2029",
  "<x>&amp;</x>]]>",
];

export function randomText(random: Random): string {
  switch (random.int(0, 5)) {
    case 0:
      return random.pick(UNICODE);
    case 1: // up to Excel's 32,767 characters, sometimes beyond
      return longText(random);
    case 2:
      return Array.from({ length: random.int(1, 30) }, () =>
        String.fromCodePoint(random.pick([random.int(32, 126), random.int(0x80, 0x2fff), random.int(0x1f300, 0x1faff)])),
      ).join("");
    default:
      return random.pick(TEXTS);
  }
}

/** Long texts up to Excel's 32,767 characters and beyond, emoji included (they once came out as U+FFFD). */
function longText(random: Random): string {
  return repeatTo(random.pick(["x", "Ạ", "🙂", "9", " ", "e\u0301"]), random.pick([1000, 32_767, 40_000]));
}

function repeatTo(unit: string, length: number): string {
  return unit
    .repeat(Math.ceil(length / unit.length))
    .slice(0, length)
    .replace(/[\uD800-\uDBFF]$/, ""); // never half a surrogate pair: no workbook can hold one
}

const ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#GETTING_DATA"];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  32.31,
  0.3231,
  100,
  101,
  2026,
  2030,
  1e-300,
  5e-324,
  1e15,
  1e308,
  Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  2 ** 53 + 1,
];

/** Any value an exceljs cell can hold, typed oddly more often than a real sheet would. */
export function randomValue(random: Random): CellValue {
  return random.weighted<() => CellValue>([
    [3, () => null],
    [4, () => randomText(random)],
    [3, () => random.pick(NUMBERS)],
    [3, () => random.int(-10, 10_000) / random.pick([1, 10, 100, 1000])],
    [1, () => random.chance(0.5)],
    [1, () => ({ error: random.pick(ERRORS) }) as CellValue],
    [1, () => new Date(Date.UTC(random.int(1899, 2100), random.int(0, 11), random.int(1, 28)))],
    [
      1,
      () =>
        ({
          formula: random.pick(["A1+1", "1/0", "SUM(F6:F9)", "NA()", '"=x"']),
          result: random.pick<CellValue>([5, "7-8", { error: "#DIV/0!" } as CellValue, true, undefined as unknown as CellValue]),
        }) as CellValue,
    ],
    [1, () => ({ richText: [{ text: "K" }, { font: { bold: true }, text: random.pick(["T1", "T3.2", "≥ 9", "0%"]) }] })],
    [1, () => ({ text: randomText(random), hyperlink: random.pick(["https://example.org", "#'Sheet1'!A1", "javascript:alert(1)"]) })],
  ])();
}

export function randomSheetName(random: Random): string {
  const name = random.pick([
    "Chỉ tiêu",
    "Sheet1",
    "Tổng hợp BTV 2027",
    "Tổng hợp BTV 2025",
    "Kết quả",
    "'quoted'",
    "a'b",
    "   ",
    "Σ🇻🇳",
    "שלום",
    "x".repeat(31),
    randomText(random),
  ]);
  // Excel's limit is 31 UTF-16 units; a cut pair would be a lone surrogate.
  const clean = name
    .replace(/[*?:\\/[\]\u0000-\u001f]/g, "")
    .slice(0, 31)
    .replace(/[\uD800-\uDBFF]$/, "")
    .trim();
  return clean === "" || clean.startsWith("'") || clean.endsWith("'") ? `S${random.int(1, 999)}` : clean;
}
