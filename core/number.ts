/**
 * Vietnamese number text: "." groups thousands, "," is the decimal mark, a trailing "%" or unit is dropped.
 * `3.265` → 3265, `126,1 %` → 126.1, `8.474,1` → 8474.1. A lone "." followed by one to three digits that cannot
 * group thousands (`1.5`, `0.912`, `1234.5`) is read as a decimal point, and flagged so that the caller can warn.
 * Dots that can be neither (`2.8000`, `1.50.0`) make the text ambiguous: an error, never a guess.
 */
export type ParsedNumber = { value: number; dotDecimal: boolean };

/** A number-shaped text whose dots can be neither thousands separators nor a decimal point. */
export const AMBIGUOUS = "ambiguous";

const NUMBER_WITH_UNIT = /^([+\-\u2212]?)\s*(\d(?:[\d.]*\d)?(?:,\d+)?)\s*([^\d]*)$/u;
const GROUPED = /^[1-9]\d{0,2}(\.\d{3})+$/;
const PLAIN = /^\d+$/;
const DOT_DECIMAL = /^\d+\.\d{1,3}$/;

/** The number a text holds; `AMBIGUOUS` when it is shaped like a number but its dots cannot be read; null otherwise. */
export function readNumberText(text: string): ParsedNumber | typeof AMBIGUOUS | null {
  const match = NUMBER_WITH_UNIT.exec(text.replace(/\u00a0/g, " ").trim());
  if (!match) return null;
  const [, sign, body, unit] = match;
  if (!isUnit(unit)) return null;
  const [whole, fraction] = body.split(",");
  let value: number;
  let dotDecimal = false;
  if (PLAIN.test(whole) || GROUPED.test(whole)) {
    value = Number(whole.replace(/\./g, "") + (fraction === undefined ? "" : `.${fraction}`));
  } else if (fraction === undefined && DOT_DECIMAL.test(whole)) {
    value = Number(whole);
    dotDecimal = true;
  } else {
    return AMBIGUOUS;
  }
  if (!Number.isFinite(value)) return null; // "9" × 400 is no figure, not Infinity
  return { value: sign === "" || sign === "+" ? value : -value, dotDecimal };
}

/** The number a text holds, or null (ambiguous text included). */
export function parseVietnameseNumber(text: string): ParsedNumber | null {
  const read = readNumberText(text);
  return read === AMBIGUOUS ? null : read;
}

/**
 * Letters and combining marks of the Latin (Vietnamese included), Greek and Cyrillic scripts as explicit ranges:
 * `\p{L}` is ES2018, and this reaches the custom functions bundle, which is ES2017.
 */
// Combining marks stand alone in the class on purpose: decomposed Vietnamese (NFD) spells tones with them.
const UNIT =
  // eslint-disable-next-line no-misleading-character-class
  /^[A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0300-\u036F\u0391-\u03C9\u0400-\u04FF\u1E00-\u1EFF%\u2030/.\s]*$/;

/** What may follow a number: nothing, "%", or a unit made of letters, spaces, "/" and "." (e.g. "ha", "trVNĐ/người/năm"). */
function isUnit(unit: string): boolean {
  return UNIT.test(unit) && !/^\.\S/.test(unit);
}
