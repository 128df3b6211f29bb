/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1-style address of 0-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/** `B3` or `A1:K40`, what layouts hold by the thousand: read without the general path's splitting. */
const CELL_OR_RANGE = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

/**
 * A1 reference without sheet: `B3`, `A1:K40`, `$A$1`, whole columns `L:L`, whole rows `3:5`.
 * Throws on anything else (a programmer error: every address comes from core or from Excel).
 */
export function parseA1(reference: string): Rect {
  const plain = CELL_OR_RANGE.exec(reference);
  if (plain) {
    const row = Number(plain[2]) - 1;
    const column = columnIndex(plain[1]);
    const lastRow = plain[4] === undefined ? row : Number(plain[4]) - 1;
    const lastColumn = plain[3] === undefined ? column : columnIndex(plain[3]);
    return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
  }
  const parts = reference.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2) throw new Error(`Not an A1 reference: ${reference}`);
  const ends = parts.map((part) => {
    const match = /^([A-Z]*)(\d*)$/.exec(part);
    if (!match || (match[1] === "" && match[2] === "")) throw new Error(`Not an A1 reference: ${reference}`);
    return { column: match[1] === "" ? null : columnIndex(match[1]), row: match[2] === "" ? null : Number(match[2]) - 1 };
  });
  const [first, last = first] = ends;
  const row = first.row ?? 0;
  const column = first.column ?? 0;
  const lastRow = last.row ?? (first.row === null ? MAX_ROWS - 1 : row);
  const lastColumn = last.column ?? (first.column === null ? MAX_COLUMNS - 1 : column);
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

export function rectAddress(rect: Rect): string {
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/** Splits what `Range.address` gives (`'Chỉ tiêu'!B3:M60`, `Sheet1!A1`) into sheet and reference. */
export function splitAddress(address: string): { sheet: string; reference: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", reference: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, reference: address.slice(bang + 1) };
}

/**
 * A link to a cell of this workbook, as the formula both adapters write (without its "="): exceljs would write a
 * `#Sheet!A5` hyperlink as an external file link, and in the add-in it travels inside the values of the block
 * (about 50 bytes) where `Range.hyperlink` costs an action per row. The sheet name is quoted and escaped.
 */
export function hyperlinkFormula(sheet: string, address: string, text: string): string {
  const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${literal(`#'${sheet.replace(/'/g, "''")}'!${address}`)},${literal(text)})`;
}
