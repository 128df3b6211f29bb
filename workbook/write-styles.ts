import { BASE_FONT_SIZE, type CellStyle } from "../core";
import { applyEdits, appendInside, outlineXml, rootElement, startTagWith, type XmlEdit, type XmlElement } from "./xml-edit";
import { escapeAttribute } from "./xml";

/**
 * The summary's cell styles added to the workbook's styles.xml: a font, fill, border, number format or cell format
 * (`xf`) already there, written the same way, is reused (a summary made again adds nothing); new ones go after the
 * existing ones, so that every index the user's cells use keeps its meaning.
 */

/** A distinct style of the layout with its number format; `xf` answers its cell-format index. */
export interface StyleRequest {
  style: CellStyle;
  numFmt: string | null;
}

const SECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type Section = (typeof SECTIONS)[number];

/** What a workbook needs at the head of these lists before anything is appended (fill 1 is Excel's gray125). */
const RESERVED: Partial<Record<Section, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/** The styles part of a workbook that has none. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

const BUILT_IN_IDS: Record<string, number> = { "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
/** Custom number formats are numbered from 164. */
const FIRST_CUSTOM_FORMAT = 164;

const PART = "xl/styles.xml";

/** The stylesheet as the parser outlines it: its lists, what they hold, and the custom number formats. */
interface Existing {
  root: XmlElement;
  /** Each list present (the first of its name), its entries as the direct children. */
  sections: Map<Section, { element: XmlElement; entries: XmlElement[] }>;
  lastFormatId: number;
  /** Custom number formats by code. */
  formats: Map<string, number>;
}

function survey(text: string): Existing {
  const elements = outlineXml(text, PART);
  const root = rootElement(elements, "styleSheet", PART);
  const sections = new Map<Section, { element: XmlElement; entries: XmlElement[] }>();
  for (const element of elements) {
    if (element.parent === root && (SECTIONS as readonly string[]).includes(element.name) && !sections.has(element.name as Section))
      sections.set(element.name as Section, { element, entries: [] });
  }
  const listOf = new Map([...sections.values()].map((section) => [section.element, section.entries]));
  let lastFormatId = FIRST_CUSTOM_FORMAT - 1;
  const formats = new Map<string, number>();
  for (const element of elements) {
    if (element.parent) listOf.get(element.parent)?.push(element);
    if (element.name !== "numFmt") continue;
    const id = Number(element.attributes.numFmtId) || 0;
    lastFormatId = Math.max(lastFormatId, id);
    const code = element.attributes.formatCode;
    if (code !== undefined && !formats.has(code)) formats.set(code, id);
  }
  return { root, sections, lastFormatId, formats };
}

/** The lists whose entries are reused when the same XML is already there. */
const REUSED: readonly (readonly [Section, string])[] = [
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellXfs", "xf"],
];

/**
 * The entries already in the reused lists, as `section|xml` (tags without their prefix) with their index: those this
 * module wrote before match what it writes now, byte for byte.
 */
function existingEntries(text: string, existing: Existing): Map<string, number> {
  const entries = new Map<string, number>();
  for (const [section, child] of REUSED) {
    const list = existing.sections.get(section);
    list?.entries
      .filter((entry) => entry.name === child)
      .forEach((entry, index) => {
        const key = `${section}|${canonical(unprefixed(text.slice(entry.start, entry.end), entry.prefix))}`;
        if (!entries.has(key)) entries.set(key, index);
      });
  }
  return entries;
}

/** An entry's tags without the prefix they are written with (`<x:font>` → `<font>`). */
const unprefixed = (xml: string, prefix: string): string =>
  prefix === "" ? xml : xml.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");

/**
 * An entry as a key that does not depend on how it was written: attributes sorted, `'` quotes as `"`, no whitespace
 * between tags, so that an entry Excel wrote back with its attributes in another order is still found.
 */
function canonical(xml: string): string {
  return xml
    .replace(/>\s+</g, "><")
    .replace(/<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g, (_, name: string, attributes: string, close: string) => {
      const sorted = [...attributes.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((m) => ` ${m[1]}="${m[2] ?? m[3]}"`).sort();
      return `<${name}${sorted.join("")}${close}>`;
    });
}

/** styles.xml with the requested styles appended, and the `xf` index of each request, in order. */
export function appendStyles(stylesXml: Uint8Array, font: string, requests: readonly StyleRequest[]): { xml: string; xfs: number[] } {
  const text = new TextDecoder().decode(stylesXml);
  const existing = survey(text);
  const added: Record<Section, string[]> = Object.fromEntries(SECTIONS.map((s) => [s, []])) as unknown as Record<Section, string[]>;
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, existing.sections.get(s)?.entries.length ?? 0])) as Record<Section, number>;
  const next = { ...counts };
  for (const [section, reserved] of Object.entries(RESERVED) as [Section, string[]][]) {
    for (const xml of reserved.slice(counts[section])) {
      added[section].push(xml);
      next[section]++;
    }
  }
  const interned = existingEntries(text, existing);
  const intern = (section: Section, xml: string): number => {
    const key = `${section}|${canonical(xml)}`;
    let index = interned.get(key);
    if (index === undefined) {
      added[section].push(xml);
      interned.set(key, (index = next[section]++));
    }
    return index;
  };
  let lastFormatId = existing.lastFormatId;
  const formatIds = new Map(existing.formats);
  const formatId = (code: string | null): number => {
    if (code === null) return 0;
    if (code in BUILT_IN_IDS) return BUILT_IN_IDS[code];
    let id = formatIds.get(code);
    if (id === undefined) {
      formatIds.set(code, (id = ++lastFormatId));
      added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    }
    return id;
  };
  const xfs = requests.map(({ style, numFmt }) => {
    const fontId = intern("fonts", fontXml(font, style));
    const fillId = style.fill
      ? intern(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const borderId = style.border
      ? intern(
          "borders",
          `<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>`,
        )
      : 0;
    const numFmtId = formatId(numFmt);
    const alignment = `<alignment vertical="center"${style.align ? ` horizontal="${style.align}"` : ""}${style.wrap ? ' wrapText="1"' : ""}${style.indent ? ` indent="${style.indent}"` : ""}/>`;
    return intern(
      "cellXfs",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"${style.unlocked ? ' applyProtection="1"' : ""}>${alignment}${style.unlocked ? '<protection locked="0"/>' : ""}</xf>`,
    );
  });
  const finalCounts = { ...next, numFmts: counts.numFmts + added.numFmts.length };
  return { xml: applyEdits(text, sectionEdits(text, existing, added, finalCounts)), xfs };
}

function fontXml(font: string, style: CellStyle): string {
  return (
    "<font>" +
    (style.bold ? "<b/>" : "") +
    (style.italic ? "<i/>" : "") +
    (style.underline ? "<u/>" : "") +
    `<sz val="${style.size ?? BASE_FONT_SIZE}"/>` +
    (style.color ? `<color rgb="${argb(style.color)}"/>` : "") +
    `<name val="${escapeAttribute(font)}"/><family val="1"/>` +
    "</font>"
  );
}

const argb = (hex: string) =>
  `FF${hex
    .replace(/[^0-9a-fA-F]/g, "")
    .toUpperCase()
    .padStart(6, "0")
    .slice(-6)}`;

/** `<font>` → `<x:font>` when the stylesheet writes its elements with a prefix. */
function withPrefix(xml: string, prefix: string): string {
  return prefix === "" ? xml : xml.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
}

/**
 * The edits that append the new entries, each at the parser's offsets: inside a list and its count set (a self-closed
 * list opened), or a new list placed where the schema orders it, before the first later list or at the stylesheet's
 * end. New lists that go to the same place are one edit, in schema order.
 */
function sectionEdits(text: string, existing: Existing, added: Record<Section, string[]>, counts: Record<Section, number>): XmlEdit[] {
  const edits: XmlEdit[] = [];
  const newLists = new Map<XmlElement | null, string[]>(); // by the list they go before; null: the stylesheet's end
  for (const section of SECTIONS) {
    if (added[section].length === 0) continue;
    const list = existing.sections.get(section)?.element;
    if (list) {
      const body = added[section].map((x) => withPrefix(x, list.prefix)).join("");
      const startTag = startTagWith(text, list, "count", String(counts[section]));
      if (list.selfClosing)
        edits.push({ at: list.start, end: list.end, text: `${startTag.replace(/\s*\/>$/, ">")}${body}</${list.prefix}${list.name}>` });
      else edits.push({ at: list.start, end: list.openEnd, text: startTag }, { at: list.closeStart, end: list.closeStart, text: body });
      continue;
    }
    const prefix = existing.root.prefix;
    const later = SECTIONS.slice(SECTIONS.indexOf(section) + 1).find((s) => existing.sections.has(s));
    const before = later ? existing.sections.get(later)!.element : null;
    const body = added[section].map((x) => withPrefix(x, prefix)).join("");
    newLists.set(before, [
      ...(newLists.get(before) ?? []),
      `<${prefix}${section} count="${counts[section]}">${body}</${prefix}${section}>`,
    ]);
  }
  for (const [before, lists] of newLists) {
    if (before) edits.push({ at: before.start, end: before.start, text: lists.join("") });
    else edits.push(appendInside(text, existing.root, lists.join("")));
  }
  return edits;
}
