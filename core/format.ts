/**
 * Figures the way Vietnamese reports write them (vi-VN: 8.474,1 and 126,1%), written here rather than by
 * Intl.NumberFormat: starting Intl costs a short command-line run about 25 ms, a national run formats millions of
 * figures, and the custom functions' JavaScript-only runtime has been seen without Intl. The output is Intl's,
 * character for character (test/unit/format.test.ts compares them on random numbers).
 */

// A national run's messages repeat the same few thousand figures; bounded like memoize.
const formattedNumbers = new Map<number, string>();

/** A number the way Vietnamese reports write it: 8.474,1 (at most four decimals). */
export function formatNumber(value: number): string {
  // A Map holds 0 and -0 as one key, and they are written differently (`0`, `-0`).
  if (Object.is(value, -0)) return "-0";
  let text = formattedNumbers.get(value);
  if (text === undefined) {
    if (formattedNumbers.size >= 10_000) formattedNumbers.clear();
    text = viDecimal(value, 0, 4);
    formattedNumbers.set(value, text);
  }
  return text;
}

/** A ratio as a Vietnamese percentage: 1.261 → 126,1% (at most one decimal). */
export function formatPercent(ratio: number): string {
  return `${viDecimal(ratio, 2, 1)}%`;
}

/**
 * `value` × 10^`shift` with at most `digits` decimals, rounded half away from zero as ICU rounds: on the shortest
 * decimal that reads back as the same double (String(value)), so 1.00005 gives 1,0001 although its binary value is
 * a hair below; and shifted in decimal, so 0.0105 is 1,05% before rounding, never 1.0499999%.
 */
function viDecimal(value: number, shift: number, digits: number): string {
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [mantissa, exponent = "0"] = String(Math.abs(value)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  let figures = whole + fraction;
  let point = whole.length + Number(exponent) + shift; // figures before the decimal point
  if (point < 0) [figures, point] = ["0".repeat(-point) + figures, 0];
  const keep = point + digits;
  let kept = figures.slice(0, keep).padEnd(keep, "0");
  if ((figures[keep] ?? "0") >= "5") kept = plusOne(kept);
  const integer = kept.slice(0, kept.length - digits).replace(/^0+(?=\d)/, "") || "0";
  const decimals = kept.slice(kept.length - digits).replace(/0+$/, "");
  return `${sign}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${decimals ? `,${decimals}` : ""}`;
}

/** Decimal digits plus one in the last place: 0129 → 0130, 999 → 1000 (no BigInt: the functions' bundle is ES2017). */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return `${digits.slice(0, i)}${Number(digits[i]) + 1}${"0".repeat(digits.length - i - 1)}`;
}
