import { cellStyles, type CellStyle, type SheetLayout } from "../core";
import { readRelationships, relationshipsPart, relativeTarget } from "./package";
import type { OpenedWorkbook, WorkbookSheet } from "./read-workbook";
import { chartXml, drawingXml } from "./write-chart";
import { absoluteReference, worksheetXml } from "./write-sheet";
import { appendStyles, EMPTY_STYLES, type StyleRequest } from "./write-styles";
import { deflateWithFflate, writeZip, type Deflater, type ZipPart } from "./zip";
import { damaged } from "./errors";
import { appendInside, applyEdits, childrenOf, outlineXml, prefixFor, removal, rootElement, type XmlEdit } from "./xml-edit";
import { asUtf8, attribute, declareUtf8, decodeText, escapeAttribute, escapeText } from "./xml";

export interface AmendOptions {
  layout: SheetLayout;
  /** The name of the sheet COMA made before and this one replaces; null to add a sheet. */
  replaces: string | null;
  /** The page footer in header-footer codes (`&CTrang &P/&N`). */
  footer: string;
  /** Raw deflate for the new parts (Node's zlib in the command line); fflate by default. */
  deflate?: Deflater;
}

const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const TRANSITIONAL_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const ENCODER = new TextEncoder();

/**
 * The workbook's bytes with the layout as one more sheet (or in place of the sheet COMA made before): new parts for
 * the sheet, its drawing and chart; `[Content_Types].xml`, the workbook part, its relationships and the styles part
 * amended; every other part copied as it was, without being inflated. When it replaces, the sheet keeps its place,
 * part and sheetId (no defined name or sheet index moves), and the parts only it used (its old drawing and chart) go.
 */
export function amendWorkbook(workbook: OpenedWorkbook, options: AmendOptions): Uint8Array {
  const { zip, workbookPart, strict } = workbook;
  const { layout } = options;
  const relNs = strict ? STRICT_RELATIONSHIPS : TRANSITIONAL_RELATIONSHIPS;
  const relType = (kind: string) => `${relNs}/${kind}`;
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const old =
    options.replaces === null
      ? null
      : (workbook.sheets.find((s) => s.name === options.replaces && s.kind === "worksheet" && s.part) ?? null);
  const removed = old ? partsOnlyUsedBy(workbook, old.part!) : new Set<string>();
  // The names of the parts the old summary leaves behind are free again: regenerating does not count them up.
  const taken = new Set(zip.entries.map((e) => e.name.toLowerCase()).filter((name) => !removed.has(name)));
  const freePart = (stem: string) => {
    for (let n = 1; ; n++) {
      const name = `${folder}${stem}${n}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };

  const sheetPart = old ? old.part! : freePart("worksheets/sheet");
  const sheetIndex = old ? workbook.sheets.indexOf(old) : workbook.sheets.length;
  const written = new Map<string, Uint8Array>();
  const overrides = new Map<string, string>();

  // Styles: appended to the workbook's own part, or a new part when it has none.
  const stylesRel = workbook.relationships.find((r) => r.kind === "styles" && !r.external && zip.entry(r.target));
  const stylesPart = stylesRel ? stylesRel.target : freePart("styles");
  // Whatever encoding the workbook's styles are in (UTF-16 is allowed), they are amended and written back as UTF-8.
  const stylesXml = stylesRel ? asUtf8(zip.inflate(zip.entry(stylesPart)!)) : ENCODER.encode(EMPTY_STYLES);
  const { cells, requests } = styleRequests(layout);
  // Request 0 is the columns' style: the layout's font and nothing else, the style of every cell the layout leaves plain.
  const appended = appendStyles(stylesXml, layout.font, [{ style: {}, numFmt: null }, ...requests]);
  written.set(stylesPart, ENCODER.encode(appended.xml));
  if (!stylesRel) overrides.set(stylesPart, TYPES.styles);
  const xfs = appended.xfs.slice(1);
  const sheetStyles = { cells: cells.map((row) => row.map((i) => xfs[i])), column: appended.xfs[0] };

  // The sheet, and its chart when the layout has one.
  let drawingId: string | null = null;
  if (layout.chart) {
    const drawingPart = freePart("drawings/drawing");
    const chartPart = freePart("charts/chart");
    drawingId = "rId1";
    written.set(
      relationshipsPart(sheetPart),
      relationshipsXml([{ id: drawingId, type: relType("drawing"), target: relativeTarget(sheetPart, drawingPart) }]),
    );
    written.set(drawingPart, ENCODER.encode(drawingXml(layout.chart, "rId1")));
    written.set(
      relationshipsPart(drawingPart),
      relationshipsXml([{ id: "rId1", type: relType("chart"), target: relativeTarget(drawingPart, chartPart) }]),
    );
    written.set(chartPart, ENCODER.encode(chartXml(layout.chart, layout)));
    overrides.set(drawingPart, TYPES.drawing).set(chartPart, TYPES.chart);
  }
  written.set(sheetPart, ENCODER.encode(worksheetXml(layout, sheetStyles, options.footer, drawingId)));
  if (!old) overrides.set(sheetPart, TYPES.worksheet);

  // The workbook part and its relationships.
  const calcChain = old ? workbook.relationships.find((r) => r.kind === "calcChain" && !r.external) : undefined;
  if (calcChain) removed.add(calcChain.target.toLowerCase());
  const workbookRels = relationshipsPart(workbookPart);
  let relsXml = zip.entry(workbookRels)
    ? declareUtf8(decodeText(zip.inflate(zip.entry(workbookRels)!)))
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = new Set(workbook.relationships.map((r) => r.id));
  const freeId = () => {
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    ids.add(`rId${n}`);
    return `rId${n}`;
  };
  let sheetRelId = old?.relationshipId ?? "";
  if (!old) {
    sheetRelId = freeId();
    relsXml = addRelationship(relsXml, sheetRelId, relType("worksheet"), relativeTarget(workbookPart, sheetPart), workbookRels);
  }
  if (!stylesRel) relsXml = addRelationship(relsXml, freeId(), relType("styles"), relativeTarget(workbookPart, stylesPart), workbookRels);
  if (calcChain) relsXml = removeRelationship(relsXml, calcChain.id, workbookRels);
  written.set(workbookRels, ENCODER.encode(relsXml));

  let workbookXml = declareUtf8(decodeText(zip.inflate(zip.entry(workbookPart)!)));
  workbookXml = old
    ? renameSheet(workbookXml, workbookPart, old, layout.name)
    : addSheet(workbookXml, workbookPart, layout.name, nextSheetId(workbook.sheets), sheetRelId, relNs);
  workbookXml = printTitles(workbookXml, workbookPart, sheetIndex, layout);
  written.set(workbookPart, ENCODER.encode(workbookXml));

  const contentTypes = zip.entries.find((e) => e.name.toLowerCase() === "[content_types].xml")!;
  const typesXml = declareUtf8(decodeText(zip.inflate(contentTypes)));
  written.set(contentTypes.name, ENCODER.encode(amendContentTypes(typesXml, contentTypes.name, overrides, removed)));

  const parts: ZipPart[] = [];
  const writtenByKey = new Map([...written].map(([name, content]) => [name.toLowerCase(), { name, content }]));
  for (const entry of zip.entries) {
    const key = entry.name.toLowerCase();
    if (removed.has(key) && !writtenByKey.has(key)) continue;
    const replacement = writtenByKey.get(key);
    writtenByKey.delete(key);
    parts.push(replacement ? { name: entry.name, content: replacement.content } : { kept: entry, from: zip });
  }
  for (const { name, content } of writtenByKey.values()) parts.push({ name, content });
  return writeZip(parts, options.deflate ?? deflateWithFflate);
}

const PLAIN: CellStyle = {};

/** Each cell's index into the distinct (style, number format) pairs of the layout. */
export function styleRequests(layout: SheetLayout): { cells: number[][]; requests: StyleRequest[] } {
  const styles = cellStyles(layout);
  const requests: StyleRequest[] = [];
  const byStyle = new Map<CellStyle, Map<string | null, number>>();
  const cells = layout.values.map((row, r) =>
    row.map((_, c) => {
      const style = styles[r]?.[c] ?? PLAIN;
      const numFmt = layout.formats[r]?.[c] ?? null;
      let byFormat = byStyle.get(style);
      if (!byFormat) byStyle.set(style, (byFormat = new Map()));
      let index = byFormat.get(numFmt);
      if (index === undefined) {
        byFormat.set(numFmt, (index = requests.length));
        requests.push({ style, numFmt });
      }
      return index;
    }),
  );
  return { cells, requests };
}

/**
 * The parts that only the sheet being replaced reaches through relationships (its drawing, chart, comments), and
 * their relationship parts: the parts any other part refers to stay.
 */
function partsOnlyUsedBy(workbook: OpenedWorkbook, sheetPart: string): Set<string> {
  const { zip } = workbook;
  const sources = zip.entries
    .filter((e) => /(^|\/)_rels\/[^/]+\.rels$/i.test(e.name))
    .map((e) => e.name.replace(/(^|\/)_rels\/([^/]+)\.rels$/i, "$1$2"));
  const targets = new Map(
    sources.map((source) => [
      source.toLowerCase(),
      readRelationships(zip, source)
        .filter((r) => !r.external)
        .map((r) => r.target.toLowerCase()),
    ]),
  );
  const reached = new Set<string>();
  const queue = [sheetPart.toLowerCase()];
  for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
    for (const target of targets.get(part) ?? []) {
      if (!reached.has(target) && target !== sheetPart.toLowerCase()) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  for (const [source, list] of targets) {
    if (source === sheetPart.toLowerCase() || reached.has(source)) continue;
    for (const target of list) reached.delete(target);
  }
  const removed = new Set<string>([relationshipsPart(sheetPart).toLowerCase()]);
  for (const part of reached) removed.add(part).add(relationshipsPart(part));
  return removed;
}

function relationshipsXml(relationships: { id: string; type: string; target: string }[]): Uint8Array {
  const body = relationships.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttribute(r.target)}"/>`).join("");
  return ENCODER.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`,
  );
}

function addRelationship(xml: string, id: string, type: string, target: string, part: string): string {
  const elements = outlineXml(xml, part);
  const root = rootElement(elements, "Relationships", part);
  const element = `<${root.prefix}Relationship Id="${id}" Type="${type}" Target="${escapeAttribute(target)}"/>`;
  return applyEdits(xml, [appendInside(xml, root, element)]);
}

function removeRelationship(xml: string, id: string, part: string): string {
  const elements = outlineXml(xml, part);
  const root = rootElement(elements, "Relationships", part);
  const edits = childrenOf(elements, root, "Relationship")
    .filter((r) => attribute(r.attributes, "Id") === id)
    .map(removal);
  return applyEdits(xml, edits);
}

function nextSheetId(sheets: readonly WorkbookSheet[]): number {
  return sheets.reduce((most, s) => Math.max(most, s.sheetId), 0) + 1;
}

/**
 * The new `<sheet>` at the end of `<sheets>`, with the prefix bound to the relationships namespace where it goes, or
 * `r` declared on the element itself: a prefix declared on a sibling `<sheet>` (as openpyxl writes them) is out of
 * scope for the new one.
 */
function addSheet(xml: string, part: string, name: string, sheetId: number, relId: string, relNs: string): string {
  const elements = outlineXml(xml, part);
  const sheets = childrenOf(elements, rootElement(elements, "workbook", part), "sheets")[0];
  if (!sheets) throw damaged(part);
  const bound = prefixFor(sheets, relNs);
  const id = bound ? `${bound}:id="${relId}"` : `xmlns:r="${relNs}" r:id="${relId}"`;
  const element = `<${sheets.prefix}sheet name="${escapeAttribute(name)}" sheetId="${sheetId}" ${id}/>`;
  return applyEdits(xml, [appendInside(xml, sheets, element)]);
}

/** The replaced sheet's `<sheet>` start tag with the new name, visible; its other attributes as they were. */
function renameSheet(xml: string, part: string, old: WorkbookSheet, name: string): string {
  const elements = outlineXml(xml, part);
  const sheets = childrenOf(elements, rootElement(elements, "workbook", part), "sheets")[0];
  const edits = (sheets ? childrenOf(elements, sheets, "sheet") : [])
    .filter((sheet) => attribute(sheet.attributes, "id") === old.relationshipId)
    .map((sheet) => {
      const attributes = Object.entries(sheet.attributes)
        .filter(([key]) => key !== "state")
        .map(([key, value]) => ` ${key}="${escapeAttribute(key === "name" ? name : value)}"`);
      return { at: sheet.start, end: sheet.openEnd, text: `<${sheet.prefix}sheet${attributes.join("")}${sheet.selfClosing ? "/>" : ">"}` };
    });
  return applyEdits(xml, edits);
}

/** The print title rows as the sheet's `_xlnm.Print_Titles`, after removing the built-in names the old sheet had. */
function printTitles(xml: string, part: string, index: number, layout: SheetLayout): string {
  const elements = outlineXml(xml, part);
  const root = rootElement(elements, "workbook", part);
  const list = childrenOf(elements, root, "definedNames")[0];
  const edits: XmlEdit[] = (list ? childrenOf(elements, list, "definedName") : [])
    .filter((d) => (d.attributes.name ?? "").startsWith("_xlnm.") && d.attributes.localSheetId === String(index))
    .map(removal);
  const rows = layout.print.titleRows;
  if (rows) {
    const reference = `${absoluteReference(layout.name, "A1").split("!")[0]}!$${rows[0]}:$${rows[1]}`;
    const prefix = list?.prefix ?? root.prefix;
    const name = `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(reference)}</${prefix}definedName>`;
    // No defined names yet: the list goes where the schema puts it, after the sheets and any external references.
    const after = elements.filter((e) => e.parent === root && ["sheets", "functionGroups", "externalReferences"].includes(e.name)).pop();
    if (list) edits.push(appendInside(xml, list, name));
    else if (after) edits.push({ at: after.end, end: after.end, text: `<${prefix}definedNames>${name}</${prefix}definedNames>` });
  }
  return applyEdits(xml, edits);
}

/** New parts get an Override; removed parts lose theirs; nothing else changes (the workbook's own type stays). */
function amendContentTypes(xml: string, part: string, added: Map<string, string>, removed: Set<string>): string {
  const elements = outlineXml(xml, part);
  const root = rootElement(elements, "Types", part);
  const edits = childrenOf(elements, root, "Override")
    .filter((o) => {
      const name = decodedPart((o.attributes.PartName ?? "").replace(/^\//, ""));
      return removed.has(name.toLowerCase()) || added.has(name);
    })
    .map(removal);
  const overrides = [...added].map(
    ([name, type]) => `<${root.prefix}Override PartName="/${escapeAttribute(name)}" ContentType="${type}"/>`,
  );
  edits.push(appendInside(xml, root, overrides.join("")));
  return applyEdits(xml, edits);
}

function decodedPart(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
