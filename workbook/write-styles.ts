import { BASE_FONT_SIZE, type CellStyle } from "../core";
import { escapeAttribute, walkXml } from "./xml";

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

interface Existing {
  counts: Record<Section, number>;
  present: Set<Section>;
  lastFormatId: number;
  /** Custom number formats by code. */
  formats: Map<string, number>;
}

function survey(xml: Uint8Array): Existing {
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  const present = new Set<Section>();
  let lastFormatId = FIRST_CUSTOM_FORMAT - 1;
  const formats = new Map<string, number>();
  let depth = 0;
  let section: Section | null = null;
  walkXml(xml, "xl/styles.xml", {
    open(name, attributes) {
      depth++;
      if (depth === 2 && (SECTIONS as readonly string[]).includes(name)) {
        section = name as Section;
        present.add(section);
      } else if (depth === 3 && section) counts[section]++;
      if (name === "numFmt") {
        const id = Number(attributes.numFmtId) || 0;
        lastFormatId = Math.max(lastFormatId, id);
        if (attributes.formatCode !== undefined && !formats.has(attributes.formatCode)) formats.set(attributes.formatCode, id);
      }
    },
    close() {
      if (depth === 2) section = null;
      depth--;
    },
  });
  return { counts, present, lastFormatId, formats };
}

/** The lists whose entries are reused when the same XML is already there. */
const REUSED: readonly (readonly [Section, string])[] = [
  ["fonts", "font"],
  ["fills", "fill"],
  ["borders", "border"],
  ["cellXfs", "xf"],
];

/**
 * The entries already in the reused lists, as `section|xml` (tags without the stylesheet's prefix) with their index:
 * those this module wrote before match what it writes now, byte for byte.
 */
function existingEntries(text: string, prefix: string): Map<string, number> {
  const entries = new Map<string, number>();
  const p = escapeRegExp(prefix);
  for (const [section, child] of REUSED) {
    const list = new RegExp(`<${p}${section}(?:\\s[^>]*)?>([\\s\\S]*?)</${p}${section}>`).exec(text);
    if (!list) continue;
    const children = list[1].match(new RegExp(`<${p}${child}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g")) ?? [];
    children.forEach((xml, index) => {
      const key = `${section}|${canonical(prefix === "" ? xml : xml.replace(new RegExp(`<(/?)${p}`, "g"), "<$1"))}`;
      if (!entries.has(key)) entries.set(key, index);
    });
  }
  return entries;
}

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
  const existing = survey(stylesXml);
  const text = new TextDecoder().decode(stylesXml);
  const prefix = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>/]/.exec(text)?.[1] ?? "";
  const added: Record<Section, string[]> = Object.fromEntries(SECTIONS.map((s) => [s, []])) as unknown as Record<Section, string[]>;
  const next = { ...existing.counts };
  for (const [section, reserved] of Object.entries(RESERVED) as [Section, string[]][]) {
    for (const xml of reserved.slice(existing.counts[section])) {
      added[section].push(xml);
      next[section]++;
    }
  }
  const interned = existingEntries(text, prefix);
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
  let xml = text;
  for (const section of SECTIONS) {
    if (added[section].length > 0)
      xml = appendToSection(
        xml,
        prefix,
        section,
        added[section].map((x) => withPrefix(x, prefix)),
        section === "numFmts" ? existing.counts.numFmts + added.numFmts.length : next[section],
        existing.present,
      );
  }
  return { xml, xfs };
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
 * Appends children to one list of the stylesheet and sets its count: the list's closing tag, a self-closed list, or
 * a new list placed where the schema orders it.
 */
function appendToSection(xml: string, prefix: string, section: Section, children: string[], count: number, present: Set<Section>): string {
  const body = children.join("");
  const tag = `${prefix}${section}`;
  const open = new RegExp(`<${escapeRegExp(tag)}(\\s[^>]*?)?(/?)>`);
  const match = present.has(section) ? open.exec(xml) : null;
  if (match) {
    const attributes = setCount(match[1] ?? "", count);
    if (match[2] === "/")
      return `${xml.slice(0, match.index)}<${tag}${attributes}>${body}</${tag}>${xml.slice(match.index + match[0].length)}`;
    const close = xml.indexOf(`</${tag}>`, match.index);
    return `${xml.slice(0, match.index)}<${tag}${attributes}>${xml.slice(match.index + match[0].length, close)}${body}${xml.slice(close)}`;
  }
  const element = `<${tag} count="${count}">${body}</${tag}>`;
  for (const later of SECTIONS.slice(SECTIONS.indexOf(section) + 1)) {
    if (!present.has(later)) continue;
    const at = new RegExp(`<${escapeRegExp(prefix + later)}[\\s/>]`).exec(xml);
    if (at) return `${xml.slice(0, at.index)}${element}${xml.slice(at.index)}`;
  }
  const end = new RegExp(`</${escapeRegExp(prefix)}styleSheet\\s*>`).exec(xml);
  if (end) return `${xml.slice(0, end.index)}${element}${xml.slice(end.index)}`;
  const selfClosed = new RegExp(`<${escapeRegExp(prefix)}styleSheet(\\s[^>]*?)?/>`).exec(xml);
  if (!selfClosed) throw new Error("styles.xml without a styleSheet element");
  return `${xml.slice(0, selfClosed.index)}<${prefix}styleSheet${selfClosed[1] ?? ""}>${element}</${prefix}styleSheet>${xml.slice(selfClosed.index + selfClosed[0].length)}`;
}

function setCount(attributes: string, count: number): string {
  return /\scount\s*=/.test(attributes)
    ? attributes.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`)
    : `${attributes} count="${count}"`;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
