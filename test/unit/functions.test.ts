import { afterEach, describe, expect, it, vi } from "vitest";
import { CATALOGUE } from "../../core/catalogue/targets";
import { FormulaError } from "../../functions/errors";
import * as COMA from "../../functions/functions";

// The signatures say any[][] because that is what makes Excel's metadata "matrix"; the wrapper also takes single
// values, the way a Node caller passes them, and then answers a single value.
const call = COMA as unknown as Record<keyof typeof COMA, (...args: unknown[]) => unknown>;

/** An expected Excel error, compared by code only (the message is pinned separately). */
const err = (code: string) => ({ error: code });
const VALUE = err("#VALUE!");
const NA = err("#N/A");
const DIV0 = err("#DIV/0!");
const NUM = err("#NUM!");

/** What Excel passes in for a cell holding #N/A (a CustomFunctions.Error there). */
const NA_IN = new FormulaError("#N/A", "nguồn lỗi");

function expectAnswer(actual: unknown, expected: unknown): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length).toBe(expected.length);
    expected.forEach((item, i) => expectAnswer((actual as unknown[])[i], item));
  } else if (typeof expected === "number") {
    expect(actual).toBeTypeOf("number");
    expect(actual).toBeCloseTo(expected, 10);
  } else if (typeof expected === "object" && expected !== null && "error" in expected) {
    expect(actual).toBeInstanceOf(FormulaError);
    expect((actual as FormulaError).code).toBe(expected.error);
  } else {
    expect(actual).toEqual(expected);
  }
}

type Case = [string, unknown[], unknown];

describe("COMA.ATTAINMENT", () => {
  it.each<Case>([
    // 110 / 100 = 1,1
    ["≥ 100 met with 110", [110, "≥ 100"], 1.1],
    // 1.500 / 2.000 = 0,75
    ["a plain number target is a minimum", [1500, 2000], 0.75],
    // max: N / a = 30 / 25 = 1,2
    ["≤ 30 with 25", [25, "≤ 30"], 1.2],
    // inside [10, 15] → 1
    ["10-15 with 12", [12, "10-15"], 1],
    // above the range: a / B = 18 / 15 = 1,2
    ["10-15 with 18", [18, "10-15"], 1.2],
    // below the range: a / A = 8 / 10 = 0,8 (en dash)
    ["10–15 with 8", [8, "10–15"], 0.8],
    // reduction: (10 − 9) / 10 = 10 % cut, against 10 % → 1
    ["giảm tối thiểu 10% from 10 to 9", [9, "giảm tối thiểu 10%", 10], 1],
    // (100 − 85) / 100 = 15 % cut, against 10 % → 1,5
    ["giảm ≥ 10% from 100 to 85", [85, "giảm ≥ 10%", 100], 1.5],
    // strict bound met exactly: 50 / 50 = 1 (status says Chưa đạt)
    ["trên 50 with 50", [50, "trên 50"], 1],
    // Vietnamese number text: 8.474,1 / 8.000 = 1,0592625
    ["Vietnamese text numbers", ["8.474,1", "≥ 8.000"], 1.0592625],
    // 126,1 % against 100 → 1,261
    ["a percent text actual", ["126,1 %", 100], 1.261],
    ["a text target with its unit", [3100, "trên 2.800 hộ"], 3100 / 2800],
    ["a blank actual answers #N/A", [null, "≥ 100"], NA],
    ["an empty-text actual answers #N/A", ["  ", "≥ 100"], NA],
    ["a blank target answers #N/A", [110, null], NA],
    ["a reduction without baseline answers #N/A", [9, "giảm tối thiểu 10%"], NA],
    ["text that is no number answers #VALUE!", ["khoảng 100", "≥ 100"], VALUE],
    ["TRUE answers #VALUE!", [true, "≥ 100"], VALUE],
    ["a negative actual answers #NUM!", [-5, "≥ 100"], NUM],
    ["a negative target answers #NUM!", [5, -100], NUM],
    ["an unreadable target answers #VALUE!", [110, "hơn trăm"], VALUE],
    ["an inverted range answers #VALUE!", [12, "15-10"], VALUE],
    // max with a = 0: N / 0, no ratio
    ["≤ 30 with 0 answers #DIV/0!", [0, "≤ 30"], DIV0],
    ["a 0 target answers #DIV/0!", [5, 0], DIV0],
    ["a reduction from a 0 baseline answers #DIV/0!", [0, "giảm tối thiểu 10%", 0], DIV0],
    ["#N/A passed in answers #N/A", [NA_IN, "≥ 100"], NA],
    ["#DIV/0! passed in as target answers #DIV/0!", [110, new FormulaError("#DIV/0!")], DIV0],
  ])("%s", (_, args, expected) => expectAnswer(call.attainment(...args), expected));

  it("should pass an error from a cell through unchanged", () => {
    expect(call.attainment(NA_IN, "≥ 100")).toBe(NA_IN);
  });

  it("should say what is missing, in Vietnamese", () => {
    expect(call.attainment(null, "≥ 100")).toEqual(new FormulaError("#N/A", "Thiếu số liệu thực hiện."));
    expect(call.attainment(9, "giảm tối thiểu 10%")).toEqual(new FormulaError("#N/A", "Thiếu số liệu cơ sở 2025."));
    expect(call.attainment("khoảng 100", 1)).toEqual(new FormulaError("#VALUE!", "Số liệu thực hiện: “khoảng 100” không phải là số."));
    expect(call.attainment(12, "15-10")).toEqual(new FormulaError("#VALUE!", "Khoảng mục tiêu “15-10” có cận dưới lớn hơn cận trên."));
  });
});

describe("COMA.STATUS", () => {
  it.each<Case>([
    // v1 judged a call without year as before 2030; without year it is the final rule
    ["a strict bound met exactly is not met before 2030", [50, "trên 50", null, 2027], "Chưa đạt"],
    ["without year, the final rule", [50, "trên 50"], "Không đạt"],
    ["a strict bound met exactly is Không đạt in 2030", [50, "trên 50", null, 2030], "Không đạt"],
    ["2029 is not final", [50, "trên 50", null, 2029], "Chưa đạt"],
    // v1 read 2031 as a final year and called a value above a range Không đạt; the term ends in 2030
    ["a year after 2030 answers #NUM!", [16, "10-15", null, 2031], NUM],
    // 16 / 15 = 1,07: above a range is exceeded
    ["above a range is Vượt", [16, "10-15", null, 2030], "Vượt"],
    // e(2027) = 40 + (80 − 40) × 0,4 = 56
    ["on the path in 2027", [60, "≥ 80", 40, 2027], "Đúng tiến độ"],
    ["behind the path in 2027", [50, "≥ 80", 40, 2027], "Chậm tiến độ"],
    // XD2: 38 new members by 2027 ≥ 80 × 0,4 = 32
    ["a Cộng dồn total on its path", [38, "từ 80 trở lên", 109, 2027, "Cộng dồn"], "Đúng tiến độ"],
    ["the method in any case, without diacritics", [38, "từ 80 trở lên", 109, 2027, "cong don"], "Đúng tiến độ"],
    // a rate of 12 % above 9-10 is not final before 2030
    ["a growth rate above its range in 2027", [12, "9-10", null, 2027, "Tăng bình quân"], "Đúng tiến độ"],
    ["an annual row below its target", [85, "từ 90% trở lên", null, 2027, "Hằng năm"], "Chưa đạt"],
    ["the starting position", [12, "đạt 10", null, 2025], "Vượt"],
    ["an unknown method answers #VALUE!", [38, "từ 80 trở lên", 109, 2027, "Bình quân"], VALUE],
    ["the year may be text", [50, "trên 50", null, "2030"], "Không đạt"],
    // 51 / 50 = 1,02 > 1
    ["above the target is Vượt", [51, "trên 50"], "Vượt"],
    ["exactly the target is Đạt", [100, "≥ 100"], "Đạt"],
    ["inside a range is Đạt", [12, "10-15"], "Đạt"],
    ["on a range bound is Đạt", [15, "10-15"], "Đạt"],
    // (10 − 8) / 10 = 20 % cut against 10 % → attainment 2
    ["a reduction beyond the target is Vượt", [8, "giảm tối thiểu 10%", 10], "Vượt"],
    ["a blank actual is Thiếu số liệu", [null, "≥ 100"], "Thiếu số liệu"],
    ["a blank actual is Thiếu số liệu in 2030 too", ["", "≥ 100", null, 2030], "Thiếu số liệu"],
    ["a reduction without baseline is Thiếu số liệu", [9, "giảm tối thiểu 10%"], "Thiếu số liệu"],
    ["text that is no number answers #VALUE!", ["chưa có", "≥ 100"], VALUE],
    ["a blank target answers #N/A", [50, ""], NA],
    ["an unreadable target answers #VALUE!", [50, "khá"], VALUE],
    ["a year before 2025 answers #NUM!", [50, "≥ 100", null, 2024], NUM],
    ["a fractional year answers #NUM!", [50, "≥ 100", null, 2027.5], NUM],
    ["a year that is no number answers #VALUE!", [50, "≥ 100", null, "năm sau"], VALUE],
    ["#N/A passed in answers #N/A", [NA_IN, "≥ 100"], NA],
  ])("%s", (_, args, expected) => expectAnswer(call.status(...args), expected));
});

describe("COMA.ATTAINMENT with year and method", () => {
  it.each<Case>([
    // XD4.2 in 2026: b_y = 12 × 0,2 = 2,4; 2 cases → (2,4 − 2) / 2,4 = 1/6 cut, against 10 % → 1,667 (v1: 833 %)
    ["a Cộng dồn reduction against the same share of the previous term", [2, "giảm tối thiểu 10%", 12, 2026, "Cộng dồn"], 1 / 6 / 0.1],
    // no year: 2030, k = 1: (12 − 10) / 12 = 1/6 cut → 1,667
    ["a Cộng dồn reduction without year is judged on the whole term", [10, "giảm tối thiểu 10%", 12, null, "Cộng dồn"], 1 / 6 / 0.1],
    // a Năm reduction ignores the year: (100 − 85) / 100 = 15 % → 1,5
    ["a Năm reduction", [85, "giảm ≥ 10%", 100, 2027], 1.5],
    ["a year before 2025 answers #NUM!", [85, "giảm ≥ 10%", 100, 2024], NUM],
    ["an unknown method answers #VALUE!", [2, "giảm tối thiểu 10%", 12, 2026, "luỹ tiến"], VALUE],
  ])("%s", (_, args, expected) => expectAnswer(call.attainment(...args), expected));

  it("should name the method it does not know, in Vietnamese", () => {
    expect(call.attainment(2, "giảm tối thiểu 10%", 12, 2026, "luỹ tiến")).toEqual(
      new FormulaError("#VALUE!", "Cách tính “luỹ tiến” không hợp lệ: dùng Năm, Cộng dồn, Tăng bình quân hoặc Hằng năm."),
    );
  });
});

describe("COMA.EXPECTED", () => {
  it.each<Case>([
    // b + (N − b) × k = 40 + 40 × 0,4 = 56
    ["a minimum from 40 to 80 in 2027", [40, "≥ 80", 2027], 56],
    // 34,1 − (34,1 − 30) × 0,2 = 33,28
    ["XH3 poverty in 2026", [34.1, "dưới 30%", 2026], 33.28],
    ["a baseline already beyond the target: the target", [12, "đạt 10", 2027], 10],
    // N × k = 80 × 0,4 = 32
    ["a Cộng dồn minimum, no baseline needed", [null, "từ 80 trở lên", 2027, "Cộng dồn"], 32],
    // b × (1 − N%) × k = 12 × 0,9 × 0,4 = 4,32
    ["a Cộng dồn reduction", [12, "giảm tối thiểu 10%", 2027, "Cộng dồn"], 4.32],
    // 100 × (1 − 10 % × 0,4) = 96
    ["a level reduction", [100, "giảm tối thiểu 10%", 2027], 96],
    ["a growth range: its lower rate", [null, "9-10", 2028, "Tăng bình quân"], 9],
    ["2030: the target itself", [40, "≥ 80", 2030], 80],
    ["Vietnamese text numbers", ["2.500", "trên 2.800", "2027"], 2620],
    ["a level target without baseline answers #N/A", [null, "≥ 80", 2027], NA],
    ["an annual row answers #N/A", [88, "từ 90%", 2027, "Hằng năm"], NA],
    ["2025 answers #N/A", [40, "≥ 80", 2025], NA],
    ["a reduction of a growth rate answers #N/A", [100, "giảm 10%", 2027, "Tăng bình quân"], NA],
    ["a blank year answers #N/A", [40, "≥ 80", null], NA],
    ["a year after 2030 answers #NUM!", [40, "≥ 80", 2031], NUM],
    ["an unreadable target answers #VALUE!", [40, "khá", 2027], VALUE],
    ["an unknown method answers #VALUE!", [40, "≥ 80", 2027, "Năm học"], VALUE],
  ])("%s", (_, args, expected) => expectAnswer(call.expected(...args), expected));

  it("should say why there is no path, in Vietnamese", () => {
    expect(call.expected(40, "≥ 80", 2031)).toEqual(
      new FormulaError("#NUM!", "Năm “2031” không hợp lệ: nhập năm từ 2025 đến 2030, ví dụ 2027."),
    );
    expect(call.expected(null, "≥ 80", 2027)).toEqual(new FormulaError("#N/A", "Thiếu số liệu cơ sở 2025."));
  });

  it("should spill over a column of baselines", () => {
    // 40 → 56; 60 → 60 + 20 × 0,4 = 68; 90 already beyond → 80
    expectAnswer(call.expected([[40], [60], [90]], "≥ 80", 2027), [[56], [68], [80]]);
  });
});

describe("COMA.PROGRESS", () => {
  it.each<Case>([
    // (60 − 40) / (80 − 40) = 20 / 40 = 0,5
    ["halfway from 40 to 80", [60, 40, 80], 0.5],
    ["a ≥ target reads its number", [60, 40, "≥ 80"], 0.5],
    // a falling target: (7 − 10) / (5 − 10) = −3 / −5 = 0,6
    ["a ≤ target counts the way down", [7, 10, "≤ 5"], 0.6],
    ["no way yet is 0", [40, 40, 80], 0],
    // (90 − 40) / (80 − 40) = 50 / 40 = 1,25
    ["beyond the target is above 1", [90, 40, 80], 1.25],
    // v1 answered #DIV/0! here; a baseline that already meets the target has no progress to show
    ["a baseline that meets the target answers #N/A", [60, 80, 80], NA],
    // XH1: 12 tr already beats đạt 10 (v1 gave a share such as −75 %)
    ["a baseline beyond the target answers #N/A", [11, 12, "đạt 10"], NA],
    // Cộng dồn: 38 / 80 = 0,475, no baseline needed
    ["a Cộng dồn minimum is the share of the target", [38, null, "từ 80 trở lên", "Cộng dồn"], 0.475],
    ["a Cộng dồn maximum answers #N/A", [5, null, "tối đa 20", "Cộng dồn"], NA],
    ["a growth row answers #N/A", [12, 100, "9-10", "Tăng bình quân"], NA],
    ["an unknown method answers #VALUE!", [60, 40, 80, "Quý"], VALUE],
    ["a range target answers #N/A", [12, 10, "10-15"], NA],
    ["a reduction target answers #N/A", [9, 10, "giảm tối thiểu 10%"], NA],
    ["a blank actual answers #N/A", [null, 40, 80], NA],
    ["a blank baseline answers #N/A", [60, null, 80], NA],
    ["an unreadable target answers #VALUE!", [60, 40, "cao"], VALUE],
    ["#N/A passed in answers #N/A", [60, NA_IN, 80], NA],
  ])("%s", (_, args, expected) => expectAnswer(call.progress(...args), expected));
});

describe("COMA.CHANGE", () => {
  it.each<Case>([
    // (126,1 − 100) / 100 = 0,261
    ["126,1 against 100", [126.1, 100], 0.261],
    // (90 − 120) / 120 = −0,25
    ["a fall is negative", [90, 120], -0.25],
    // (3.265 − 3.000) / 3.000 = 265 / 3.000
    ["Vietnamese text numbers", ["3.265", "3.000"], 265 / 3000],
    ["a 0 baseline answers #DIV/0!", [5, 0], DIV0],
    ["a blank actual answers #N/A", [null, 100], NA],
    ["a blank baseline answers #N/A", [5, undefined], NA],
    ["text that is no number answers #VALUE!", [5, "n/a"], VALUE],
    ["#N/A passed in answers #N/A", [NA_IN, 100], NA],
  ])("%s", (_, args, expected) => expectAnswer(call.change(...args), expected));
});

describe("COMA.GROWTH", () => {
  it.each<Case>([
    // (121 / 100)^(1/2) − 1 = 1,1 − 1 = 10 %
    ["100 to 121 in 2 years", [100, 121, 2], 10],
    // 59.856 → 65.841,6 is ×1,1 in one year
    ["the herd of KT3.5 in one year", [59856, "65.841,6", 1], 10],
    ["no change is 0", [100, 100, 5], 0],
    // (81 / 100)^(1/2) − 1 = 0,9 − 1 = −10 %
    ["a fall is negative", [100, 81, 2], -10],
    ["a 0 start answers #DIV/0!", [0, 121, 2], DIV0],
    ["0 years answers #NUM!", [100, 121, 0], NUM],
    ["negative years answer #NUM!", [100, 121, -1], NUM],
    ["a blank end answers #N/A", [100, null, 2], NA],
    ["years as words answer #VALUE!", [100, 121, "hai"], VALUE],
  ])("%s", (_, args, expected) => expectAnswer(call.growth(...args), expected));
});

describe("COMA.NUMBER", () => {
  it.each<Case>([
    ["8.474,1", ["8.474,1"], 8474.1],
    ["1.5 is read as a decimal point", ["1.5"], 1.5],
    ["3.265 groups thousands", ["3.265"], 3265],
    ["126,1 %", ["126,1 %"], 126.1],
    ["5.296.040.383", ["5.296.040.383"], 5296040383],
    ["a trailing unit is dropped", ["2.800 hộ"], 2800],
    ["a sign is kept", ["-3,5"], -3.5],
    ["a number is read as is", [42], 42],
    ["text that is no number answers #VALUE!", ["abc"], VALUE],
    ["badly grouped digits answer #VALUE!", ["1.2.3"], VALUE],
    ["TRUE answers #VALUE!", [true], VALUE],
    ["a blank answers #N/A", [""], NA],
    ["#N/A passed in answers #N/A", [NA_IN], NA],
  ])("%s", (_, args, expected) => expectAnswer(call.number(...args), expected));
});

describe("COMA.CONSOLIDATE", () => {
  it.each<Case>([
    ["the sum of a column", [[[1], [2], [3]]], 6],
    // 1 + 2,5 + 3 = 6,5; the blank is skipped
    [
      "blanks are skipped, text numbers read",
      [
        [
          [1, null],
          ["2,5", 3],
        ],
      ],
      6.5,
    ],
    ["a single value is its own sum", [5], 5],
    // (10 × 1 + 20 × 3) / (1 + 3) = 70 / 4 = 17,5
    [
      "the weighted mean",
      [
        [[10], [20]],
        [[1], [3]],
      ],
      17.5,
    ],
    // poverty 20 %, 30 %, 10 % over 1.000, 2.000, 1.000 people: 90.000 / 4.000 = 22,5
    [
      "three former communes weighted by population",
      [
        [[20], [30], [10]],
        [[1000], [2000], [1000]],
      ],
      22.5,
    ],
    // the blank pair is skipped: (10 + 30) / 2 = 20
    [
      "a blank pair is skipped",
      [
        [[10], [null], [30]],
        [[1], [5], [1]],
      ],
      20,
    ],
    [
      "a value without weight is skipped",
      [
        [[10], [99]],
        [[1], [null]],
      ],
      10,
    ],
    [
      "weights summing to 0 answer #DIV/0!",
      [
        [[80], [90]],
        [[0], [0]],
      ],
      DIV0,
    ],
    ["nothing to add answers #N/A", [[[null], [""]]], NA],
    [
      "only blank pairs answer #N/A",
      [
        [[1], [null]],
        [[null], [2]],
      ],
      NA,
    ],
    [
      "weights of another shape answer #VALUE!",
      [
        [[1], [2]],
        [[1], [2], [3]],
      ],
      VALUE,
    ],
    ["text that is no number answers #VALUE!", [[[1], ["x"]]], VALUE],
    ["a negative value answers #NUM!", [[[1], [-2]]], NUM],
    [
      "a negative weight answers #NUM!",
      [
        [[1], [2]],
        [[1], [-1]],
      ],
      NUM,
    ],
    ["#N/A in the range answers #N/A", [[[1], [NA_IN]]], NA],
  ])("%s", (_, args, expected) => expectAnswer(call.consolidate(...args), expected));
});

describe("COMA.TARGET and COMA.BASELINE", () => {
  const withTarget = CATALOGUE.filter((e) => e.target !== null);
  const parents = CATALOGUE.filter((e) => e.target === null);

  it.each(withTarget.map((e) => [e.code, e.target]))("TARGET(%s) is the catalogue's %s", (code, expected) => {
    expect(call.target(code)).toBe(expected);
  });

  it.each(withTarget.map((e) => [e.code, e.baseline]))("BASELINE(%s) is the catalogue's %s or #N/A", (code, expected) => {
    expectAnswer(call.baseline(code), expected ?? NA);
  });

  it.each(parents.map((e) => [e.code]))("a target made of sub-metrics, %s, answers #N/A", (code) => {
    expectAnswer(call.target(code), NA);
    expectAnswer(call.baseline(code), NA);
  });

  it("should read a code in any case and spacing", () => {
    const [first] = withTarget;
    expect(call.target(` ${first.code.toLowerCase()} `)).toBe(first.target);
  });

  it("should answer #N/A naming an unknown code", () => {
    expect(call.target("KT99")).toEqual(new FormulaError("#N/A", "Không có mã “KT99” trong danh mục chỉ tiêu nhiệm kỳ 2025–2030."));
    expectAnswer(call.baseline("XYZ"), NA);
    expectAnswer(call.target(null), NA);
  });

  it("should give every catalogue target in a form ATTAINMENT reads", () => {
    for (const entry of withTarget) {
      expect(call.attainment(1, call.target(entry.code), 1)).toBeTypeOf("number");
    }
  });
});

describe("ranges", () => {
  it("should answer a same-shaped array, each cell on its own", () => {
    expectAnswer(call.attainment([[110], [25], [null]], [["≥ 100"], ["≤ 30"], ["≥ 100"]]), [[1.1], [1.2], [NA]]);
  });

  it("should broadcast a single value against a range", () => {
    expectAnswer(call.attainment([[50], [100], [150]], "≥ 100"), [[0.5], [1], [1.5]]);
  });

  it("should broadcast a 1×1 range, which is how Excel passes one cell", () => {
    expectAnswer(call.attainment([[50, 200]], [["≥ 100"]]), [[0.5, 2]]);
    expectAnswer(call.attainment([[110]], [["≥ 100"]]), [[1.1]]);
  });

  it("should work on 2-D ranges", () => {
    // (60 − 40) / (80 − 40) = 0,5; (80 − 40) / 40 = 1; (40 − 40) / 40 = 0; (100 − 40) / 40 = 1,5
    expectAnswer(
      call.progress(
        [
          [60, 80],
          [40, 100],
        ],
        40,
        [[80]],
      ),
      [
        [0.5, 1],
        [0, 1.5],
      ],
    );
  });

  it("should broadcast the year of STATUS", () => {
    expectAnswer(call.status([[50, 51, null]], "trên 50", null, [[2030]]), [["Không đạt", "Vượt", "Thiếu số liệu"]]);
  });

  it("should keep an error to its own cell", () => {
    expectAnswer(call.change([[126.1], [NA_IN], ["x"]], 100), [[0.261], [NA], [VALUE]]);
    expectAnswer(
      call.number([
        ["8.474,1", "1.5"],
        ["abc", 3],
      ]),
      [
        [8474.1, 1.5],
        [VALUE, 3],
      ],
    );
    const known = CATALOGUE.find((e) => e.target !== null)!;
    expectAnswer(call.target([["KT99"], [known.code]]), [[NA], [known.target]]);
  });

  it("should read an error cell in Excel's JSON form as that error, kept to its own cell", () => {
    const div0 = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    // (126.1 − 100) / 100 = 0.261
    expectAnswer(call.change([[126.1], [div0]], 100), [[0.261], [DIV0]]);
    expect(call.number({ type: "Error", basicValue: "#REF!" })).toEqual(new FormulaError("#REF!" as never));
  });

  it("should answer #VALUE! for ranges of different shapes", () => {
    expect(call.attainment([[1], [2]], [["≥ 1"], ["≥ 1"], ["≥ 1"]])).toEqual(
      new FormulaError("#VALUE!", "Các vùng ô không cùng kích thước (2 dòng × 1 cột và 3 dòng × 1 cột)."),
    );
    expectAnswer(call.growth([[100, 100]], [[121], [121]], 2), VALUE);
  });

  it("should answer #VALUE! for a range that is not rectangular", () => {
    expectAnswer(call.attainment([[1], [2, 3]], 1), VALUE);
    expectAnswer(call.attainment([], 1), VALUE);
  });

  it("should answer each cell of a long column as it answers that cell alone, texts repeated or all different", () => {
    const targets = ["≥ 90%", "dưới 30", "7-8", "abc", null, 100];
    const actual = Array.from({ length: 8000 }, (_, i) => [
      i % 7 === 0 ? `${i},5` : i % 11 === 0 ? "không rõ" : i % 13 === 0 ? null : i % 150,
    ]);
    const target = actual.map((_, i) => [targets[i % targets.length]]);
    const answers = call.attainment(actual, target) as unknown[][];
    answers.forEach(([answer], i) => expect(answer).toEqual(call.attainment(actual[i][0], target[i][0])));
  });
});

describe("errors in the Office runtime", () => {
  afterEach(() => vi.unstubAllGlobals());

  class OfficeError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }

  it("should build CustomFunctions.Error, with a message only where Excel shows one", () => {
    vi.stubGlobal("CustomFunctions", { Error: OfficeError });
    expect(call.attainment(null, "≥ 100")).toEqual(new OfficeError("#N/A", "Thiếu số liệu thực hiện."));
    expect(call.attainment(0, "≤ 30")).toEqual(new OfficeError("#DIV/0!", undefined));
    expect(call.attainment(-1, "≤ 30")).toEqual(new OfficeError("#NUM!", undefined));
  });
});
