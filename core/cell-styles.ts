import { parseA1 } from "./a1";
import type { CellStyle, SheetLayout } from "./layout";

/** Body font size of every written sheet, in points: both adapters set it on the whole sheet. */
export const BASE_FONT_SIZE = 12;

const NO_STYLE: CellStyle = {};

/** Styles already resolved, by layout: the row heights (in LayoutBuilder.build) and each adapter read the same grid. */
const resolved = new WeakMap<SheetLayout, CellStyle[][]>();

/**
 * The style of every cell of the layout, later ranges adding to earlier ones: the one resolver both adapters use.
 * Equal styles are one shared object (never to be mutated): a summary of thousands of rows holds a few dozen styles,
 * not one per cell. Resolved once per layout, so a layout must not be changed after it is built.
 */
export function cellStyles(layout: SheetLayout): CellStyle[][] {
  let styles = resolved.get(layout);
  if (!styles) resolved.set(layout, (styles = resolve(layout)));
  return styles;
}

function resolve(layout: SheetLayout): CellStyle[][] {
  const styles: CellStyle[][] = layout.values.map((row) => new Array<CellStyle>(row.length).fill(NO_STYLE));
  const table = new StyleTable();
  for (const { range, style } of layout.styles) {
    const over = table.intern(style);
    const rect = parseA1(range);
    const lastRow = Math.min(rect.row + rect.rows, styles.length);
    for (let r = rect.row; r < lastRow; r++) {
      const lastColumn = Math.min(rect.column + rect.columns, styles[r].length);
      for (let c = rect.column; c < lastColumn; c++) styles[r][c] = table.combine(styles[r][c], over);
    }
  }
  return styles;
}

/** Distinct styles by content, and what one style added to another gives, computed once per pair. */
class StyleTable {
  private readonly byKey = new Map<string, CellStyle>([[styleKey(NO_STYLE), NO_STYLE]]);
  /** Layouts pass the same style object for every row: looking it up is cheaper than building its key. */
  private readonly byObject = new Map<CellStyle, CellStyle>();
  private readonly sums = new Map<CellStyle, Map<CellStyle, CellStyle>>();

  intern(style: CellStyle): CellStyle {
    let known = this.byObject.get(style);
    if (known) return known;
    const key = styleKey(style);
    known = this.byKey.get(key);
    if (!known) this.byKey.set(key, (known = style));
    this.byObject.set(style, known);
    return known;
  }

  /** `over` added to `under`; both interned. */
  combine(under: CellStyle, over: CellStyle): CellStyle {
    let byOver = this.sums.get(under);
    if (!byOver) this.sums.set(under, (byOver = new Map()));
    let sum = byOver.get(over);
    if (!sum) byOver.set(over, (sum = this.intern({ ...under, ...over })));
    return sum;
  }
}

const styleKey = (s: CellStyle) =>
  [s.bold, s.italic, s.underline, s.size, s.fill, s.color, s.align, s.wrap, s.border, s.indent, s.unlocked].map((v) => v ?? "").join("|");
