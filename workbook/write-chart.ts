import { parseA1, type ChartSpec, type LayoutValue, type SheetLayout } from "../core";
import { absoluteReference } from "./write-sheet";
import { escapeAttribute, escapeText } from "./xml";

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;

/** The drawing part that places the chart (relationship `chartId`) over the cells of its anchor. */
export function drawingXml(chart: ChartSpec, chartId: string): string {
  const anchor = parseA1(chart.anchor);
  const marker = (tag: string, column: number, row: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">` +
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker("from", anchor.column, anchor.row) +
    marker("to", anchor.column + anchor.columns, anchor.row + anchor.rows) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
    `<xdr:cNvPr id="2" name="${escapeAttribute(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${escapeAttribute(chartId)}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

/**
 * A stacked bar chart: one bar per category (row of `categories`), one coloured series per status. Each series
 * refers to the cells of the layout and carries their values as its cache, so that it shows before any recalculation.
 */
export function chartXml(chart: ChartSpec, layout: SheetLayout): string {
  const categories = cellsOf(layout, chart.categories).map((v) => (v === null ? "" : String(v)));
  const labels = dataLabels(chart.labelFormat ?? null, layout.font);
  const series = chart.series.map((s, i) => {
    const values = cellsOf(layout, s.values);
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${colour(s.color)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}` +
      `<c:cat><c:strRef><c:f>${escapeText(absoluteReference(layout.name, chart.categories))}</c:f>${cache("strCache", categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(absoluteReference(layout.name, s.values))}</c:f>${cache(
        "numCache",
        values.map((v) => (typeof v === "number" ? String(v) : null)),
      )}</c:numRef></c:val>` +
      "</c:ser>"
    );
  });
  const font = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="${escapeAttribute(layout.font)}"/><a:cs typeface="${escapeAttribute(layout.font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
    series.join("") +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
    '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    font +
    "</c:chartSpace>"
  );
}

/**
 * Each segment labelled with its count in black at its centre, through a number format that hides 0 (a status a
 * group does not have gets no label); nothing when the spec asks for no labels.
 */
function dataLabels(format: string | null, font: string): string {
  if (format === null) return "";
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeAttribute(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000" b="1"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="${escapeAttribute(font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    '<c:dLblPos val="ctr"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
  );
}

function cellsOf(layout: SheetLayout, range: string): LayoutValue[] {
  const rect = parseA1(range);
  const cells: LayoutValue[] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.column; c < rect.column + rect.columns; c++) cells.push(layout.values[r]?.[c] ?? null);
  }
  return cells;
}

function cache(tag: "strCache" | "numCache", points: (string | null)[]): string {
  const format = tag === "numCache" ? "<c:formatCode>General</c:formatCode>" : "";
  const pts = points.map((p, i) => (p === null ? "" : `<c:pt idx="${i}"><c:v>${escapeText(p)}</c:v></c:pt>`)).join("");
  return `<c:${tag}>${format}<c:ptCount val="${points.length}"/>${pts}</c:${tag}>`;
}

const colour = (hex: string) =>
  hex
    .replace(/[^0-9a-fA-F]/g, "")
    .toUpperCase()
    .padStart(6, "0")
    .slice(-6);
