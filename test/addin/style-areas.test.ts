import { afterEach, describe, expect, it } from "vitest";
import { cellStyles, columnLetters, LayoutBuilder, planSummary, type SheetLayout } from "../../core";
import { generateSummary } from "../../addin/actions";
import { AREAS_ADDRESS_LIMIT, styleAreaGroups, styleGroups, type StyleGroup } from "../../addin/layout-plan";
import { mockExcel } from "../../scripts/bench/office-mock";
import { largeSheet } from "../../scripts/bench/workbooks";

const DATE = new Date(2027, 0, 15);

/** Each area of each group with its properties, sorted: what the groups style, however they are addressed. */
function styledAreas(groups: StyleGroup[]): string[] {
  return groups.flatMap((group) => group.range.split(",").map((area) => `${area} ${JSON.stringify(group.props)}`)).sort();
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe("writing core's styles as multiple-area ranges", () => {
  it("should group the cells of equal style into addresses Excel accepts, leaving bordered tables one range each", () => {
    // 100 red cells A1, A3 … A199 (rows 0, 2 … 198, never adjacent, so 100 rectangles): 5 of 2 characters (A1–A9),
    // 45 of 3 (A11–A99), 50 of 4 (A101–A199) = 345 characters and 99 commas, 444 in all: two addresses of at most 255.
    const builder = new LayoutBuilder("S", 3).put(199, 2, "x");
    const red = Array.from({ length: 100 }, (_, i) => `A${2 * i + 1}`);
    for (let i = 0; i < 100; i++) builder.style(2 * i, 0, 2 * i, 0, { fill: "FF0000" });
    builder.style(0, 1, 0, 1, { fill: "00FF00", bold: true }).style(4, 1, 4, 1, { fill: "00FF00", bold: true });
    builder.style(10, 1, 12, 2, { border: true });
    const layout: SheetLayout = builder.build();

    const groups = styleAreaGroups(layout);

    expect(groups.filter((g) => g.range.length > AREAS_ADDRESS_LIMIT).map((g) => g.range)).toEqual([]);
    expect(groups.filter((g) => g.props.fill === "FF0000").flatMap((g) => g.range.split(","))).toEqual(red);
    expect(groups.filter((g) => g.props.fill === "FF0000").length).toBe(2);
    expect(groups.filter((g) => g.props.fill === "00FF00").map((g) => g.range)).toEqual(["B1,B5"]);
    expect(groups.filter((g) => g.props.border).map((g) => g.range)).toEqual(["B11:C13"]);
    expect(styledAreas(groups)).toEqual(styledAreas(styleGroups(layout)));
  });

  it("should style the same areas as one range each in a 5,000-row summary, in a few hundred addresses", () => {
    const layout = planSummary([largeSheet(5000)], { date: DATE })!.layout;
    const groups = styleAreaGroups(layout);
    expect(groups.filter((g) => g.range.length > AREAS_ADDRESS_LIMIT).map((g) => g.range)).toEqual([]);
    expect(styledAreas(groups)).toEqual(styledAreas(styleGroups(layout)));
    // some 5,000 ranges, ~4,300 of them status cells, of a handful of styles: 255-character addresses hold ~40 cells
    expect(groups.length).toBeLessThan(styleGroups(layout).length / 5);
  });

  it("should write a 5,000-row summary in one request, every cell filled as core says", async () => {
    const grids = [largeSheet(5000)];
    const layout = planSummary(grids, { date: DATE })!.layout;
    const mock = mockExcel(grids);
    restore = mock.install();
    const outcome = await generateSummary("auto", () => {}, DATE);
    if (!outcome.ok) throw new Error("no summary written");
    expect(mock.syncs).toBe(2); // the read, then the write

    const wrong: string[] = [];
    cellStyles(layout).forEach((row, r) =>
      row.forEach((style, c) => {
        const cell = `${columnLetters(c)}${r + 1}`;
        const expected = style.fill ? `#${style.fill}`.toUpperCase() : null;
        const written = mock.fill(outcome.name, cell)?.color ?? null;
        if (written !== expected) wrong.push(`${cell}: ${written} instead of ${expected}`);
      }),
    );
    expect(wrong).toEqual([]);
    expect(layout.styles.filter((s) => s.style.fill).length).toBeGreaterThan(4000);
  });
});
