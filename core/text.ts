/** Folds text for matching: no diacritics (đ → d), lower case, single spaces, no surrounding punctuation. */
export function fold(text: string): string {
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    if (FOLDED.size >= FOLD_CACHE_SIZE) FOLDED.clear();
    folded = foldUncached(text);
    FOLDED.set(text, folded);
  }
  return folded;
}

// Headers, units and methods repeat across rows and workbooks: a batch of 3,321 communes folds the same few
// hundred strings a million times. Bounded so that a fuzzed workbook of unique strings cannot grow it.
const FOLD_CACHE_SIZE = 10_000;
const FOLDED = new Map<string, string>();

function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s:.*()]+|[\s:.*()]+$/g, "");
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
