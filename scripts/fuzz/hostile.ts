import type { Random } from "./random";
import { packPart, unzip, zip, type PackedPart } from "./zip";

/**
 * Valid or nearly valid workbooks that once cost memory, lost figures or gave outputs no reader opens (issue 18):
 * sparse far cells, parts in UTF-16 or declared in another encoding, markup hidden in comments and CDATA,
 * duplicate entries, wrong CRCs, full-column merges, an empty `<sheets>`, text longer than a cell holds.
 */

const SHEET = "xl/worksheets/sheet1.xml";
const WORKBOOK = "xl/workbook.xml";

type Parts = Map<string, Buffer>;
type Edit = (random: Random, parts: Parts) => void;

const text = (parts: Parts, name: string) => parts.get(name)?.toString("utf8") ?? "";
const setText = (parts: Parts, name: string, xml: string) => parts.set(name, Buffer.from(xml, "utf8"));
const edit = (parts: Parts, name: string, change: (xml: string) => string) => {
  if (parts.has(name)) setText(parts, name, change(text(parts, name)));
};

function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Rows appended at the end of the sheet's data (after the table, in order, as a producer writes them). */
function appendRows(parts: Parts, rows: string): void {
  edit(parts, SHEET, (xml) =>
    xml.replace(/<\/sheetData>|<sheetData\/>/, (close) =>
      close === "<sheetData/>" ? `<sheetData>${rows}</sheetData>` : `${rows}${close}`,
    ),
  );
}

const EDITS: [number, Edit][] = [
  // One stray value far below the table: just past the row limit, at Excel's last row, or beyond any grid.
  [
    3,
    (r, p) => {
      const row = r.pick([20_001, 65_537, 1_048_576, 100_000_000, r.int(100, 2_000_000)]);
      appendRows(p, `<row r="${row}"><c r="${columnLetters(r.int(0, 16_383))}${row}"><v>${r.int(0, 999)}</v></c></row>`);
    },
  ],
  // Cells in the last columns on thousands of rows.
  [
    2,
    (r, p) => {
      const count = r.pick([100, 5_000, 19_000, 21_000]);
      const rows = Array.from({ length: count }, (_, i) => `<row r="${100 + i}"><c r="XFD${100 + i}"><v>1</v></c></row>`);
      appendRows(p, rows.join(""));
    },
  ],
  // A merge over a whole column or a whole sheet, as ClosedXML and others write them.
  [
    2,
    (r, p) =>
      edit(p, SHEET, (xml) => {
        const merge = `<mergeCell ref="${r.pick(["B1:B1048576", "A1:XFD1048576", "AA5:AA1048576", "C3:XFD3"])}"/>`;
        return /<mergeCells[^>]*>/.test(xml)
          ? xml.replace(/<mergeCells[^>]*>/, `$&${merge}`)
          : xml.replace("</sheetData>", `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
      }),
  ],
  // Closing tags of the amended parts hidden in comments, CDATA and attribute values.
  [
    3,
    (r, p) => {
      const [name, close] = r.pick([
        [WORKBOOK, "</sheets>"],
        [WORKBOOK, "</workbook>"],
        ["xl/_rels/workbook.xml.rels", "</Relationships>"],
        ["[Content_Types].xml", "</Types>"],
      ] as const);
      const hidden = r.pick([`<!-- ${close} -->`, `<?coma ${close}?>`]);
      edit(p, name, (xml) => xml.replace(close, `${hidden}${close}`));
      if (r.chance(0.5))
        edit(p, WORKBOOK, (xml) =>
          xml.replace(/<definedName /, `<definedName comment="&lt;/definedNames&gt;" `).replace(/(<definedName[^>]*>)/, `$1<![CDATA[]]>`),
        );
    },
  ],
  [1, (_, p) => edit(p, WORKBOOK, (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, "<sheets/>"))],
  // A cell longer than Excel holds (32,767 characters): the first shared string.
  [
    1,
    (r, p) =>
      edit(p, "xl/sharedStrings.xml", (xml) =>
        xml.replace(/<si>(?:(?!<\/si>)[\s\S])*<\/si>/, `<si><t>${"Đ".repeat(r.pick([32_768, 40_000, 200_000]))}</t></si>`),
      ),
  ],
];

/** The template with one to three hostile edits, then packed with some of its parts re-encoded, duplicated or lying. */
export function hostileWorkbook(random: Random, template: Buffer): Buffer {
  const parts: Parts = unzip(template);
  for (let i = random.int(1, 3); i > 0; i--) random.weighted(EDITS)(random, parts);
  const names = [...parts.keys()].filter((name) => name.endsWith(".xml") || name.endsWith(".rels"));
  if (random.chance(0.5)) for (const name of names) if (random.chance(0.5)) parts.set(name, reencoded(random, parts.get(name)!));
  const packed: PackedPart[] = [...parts].map(([name, content]) => packPart(name, content));
  if (random.chance(0.15)) {
    const twin = random.pick(packed);
    packed.push({ ...twin, name: random.chance(0.5) ? twin.name : twin.name.toUpperCase() });
  }
  if (random.chance(0.1)) {
    const at = random.int(0, packed.length - 1);
    packed[at] = { ...packed[at], crc: (packed[at].crc ^ (1 << random.int(0, 31))) >>> 0 };
  }
  return zip(packed);
}

/** A text part in UTF-16 (either byte order, with or without a byte-order mark) declared so, or declared Latin-1. */
function reencoded(random: Random, part: Buffer): Buffer {
  const xml = part.toString("utf8");
  const declared = (encoding: string) =>
    /^<\?xml[^>]*encoding=/.test(xml)
      ? xml.replace(/^(<\?xml[^>]*encoding=)(["'])[^"']*\2/, `$1"${encoding}"`)
      : `<?xml version="1.0" encoding="${encoding}"?>${xml.replace(/^<\?xml[^>]*\?>/, "")}`;
  const kind = random.pick(["utf-16le", "utf-16be", "latin1"] as const);
  // eslint-disable-next-line no-control-regex -- a Latin-1 declaration only where the part is ASCII
  if (kind === "latin1") return /^[\x00-\x7f]*$/.test(xml) ? Buffer.from(declared("ISO-8859-1"), "latin1") : part;
  const bytes = Buffer.from((random.chance(0.5) ? "\uFEFF" : "") + declared("UTF-16"), "utf16le");
  return kind === "utf-16le" ? bytes : bytes.swap16();
}
