import { parseA1, type ChartSpec, type LayoutValue } from "../core";

/**
 * The layout's chart drawn in the page as SVG, as Excel draws the native chart the workbook gets (workbook/write-chart.ts):
 * a stacked horizontal bar per category (top to bottom), one series per status in its colour, value axis below with
 * a line per unit, the title above and the legend below. Values are read from the layout's own cells.
 */

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 900;
const TITLE_HEIGHT = 36;
const LEGEND_ROW = 22;
const AXIS_HEIGHT = 24;
const LABEL_WIDTH = 200;
const RIGHT_MARGIN = 24;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The cells of an A1 range, row by row. */
function cells(values: LayoutValue[][], reference: string): LayoutValue[] {
  const rect = parseA1(reference);
  const out: LayoutValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.column; c < rect.column + rect.columns; c++) out.push(values[r]?.[c] ?? null);
  }
  return out;
}

export function chartSvg(chart: ChartSpec, values: LayoutValue[][], height: number, font: string): SVGSVGElement {
  const categories = cells(values, chart.categories).map((v) => (v === null ? "" : String(v)));
  const series = chart.series.map((s) => ({ ...s, values: cells(values, s.values).map((v) => (typeof v === "number" ? v : 0)) }));
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const legendRows = Math.ceil(series.length / 4);
  const plotTop = TITLE_HEIGHT;
  const plotHeight = Math.max(40, height - TITLE_HEIGHT - AXIS_HEIGHT - legendRows * LEGEND_ROW - 8);
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
  const x = (v: number) => plotLeft + (v / max) * plotWidth;

  const svg = node("svg", { viewBox: `0 0 ${WIDTH} ${height}`, width: "100%", height: "100%", role: "img", "font-family": font });
  svg.append(node("title", {}, chart.title));
  svg.append(node("text", { x: WIDTH / 2, y: 24, "text-anchor": "middle", "font-size": 16, "font-weight": "bold" }, chart.title));
  // A line and a figure per unit of the value axis (majorUnit 1), fewer when the counts are large.
  const step = Math.max(1, Math.ceil(max / 20));
  for (let v = 0; v <= max; v += step) {
    svg.append(node("line", { x1: x(v), x2: x(v), y1: plotTop, y2: plotTop + plotHeight, stroke: "#d9d9d9" }));
    svg.append(node("text", { x: x(v), y: plotTop + plotHeight + 16, "text-anchor": "middle", "font-size": 12 }, String(v)));
  }
  const band = plotHeight / Math.max(1, categories.length);
  const bar = band / 1.6; // gapWidth 60%
  categories.forEach((category, i) => {
    const top = plotTop + i * band + (band - bar) / 2;
    svg.append(node("text", { x: plotLeft - 8, y: top + bar / 2 + 5, "text-anchor": "end", "font-size": 13 }, category));
    let start = 0;
    for (const s of series) {
      const value = s.values[i] ?? 0;
      if (value > 0) {
        svg.append(node("rect", { x: x(start), y: top, width: x(start + value) - x(start), height: bar, fill: `#${s.color}` }));
      }
      start += value;
    }
  });
  series.forEach((s, i) => {
    const column = i % 4;
    const row = Math.floor(i / 4);
    const left = plotLeft + column * (plotWidth / 4);
    const y = plotTop + plotHeight + AXIS_HEIGHT + row * LEGEND_ROW + 12;
    svg.append(node("rect", { x: left, y: y - 10, width: 12, height: 12, fill: `#${s.color}` }));
    svg.append(node("text", { x: left + 18, y, "font-size": 13 }, s.name));
  });
  return svg;
}
