/**
 * A string function that remembers its answers. Headers, units, methods and targets repeat across rows and
 * workbooks: a batch of 3,321 communes reads the same few hundred strings a million times. Bounded, so that a
 * workbook of unique strings cannot grow it; answers are shared, so they must never be mutated.
 */
export function memoize<T>(compute: (text: string) => T, size = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined && !known.has(text)) {
      if (known.size >= size) known.clear();
      answer = compute(text);
      known.set(text, answer);
    }
    return answer as T;
  };
}

/** Folds text for matching: no diacritics (đ → d), lower case, single spaces, no surrounding punctuation. */
export const fold = memoize(foldUncached);

function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u0111\u0110]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s:.*()]+|[\s:.*()]+$/g, "");
}
