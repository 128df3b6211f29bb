export interface CellPosition {
  /** 0-based. */
  row: number;
  /** 0-based. */
  column: number;
}

/** 0-based position of an A1 address such as `AB12`. */
export function parseAddress(address: string): CellPosition {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(`Not an A1 address: ${address}`);
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** First and last cell of `A1:C3` (or of a single address). */
export function parseRange(range: string): { first: CellPosition; last: CellPosition } {
  const [first, last = first] = range.split(":").map(parseAddress);
  return { first, last };
}
