import type { Random } from "./random";
import { crc32, deflateBomb, packPart, unzip, zip, type PackedPart } from "./zip";

/** Files changed below exceljs: XML parts, raw bytes, files that are no workbook, zip bombs. */

const SHEET = "xl/worksheets/sheet1.xml";
const GARBAGE_VALUES = ["NaN", "1e999", "-1e999", "", "abc", "9".repeat(400), "0x1F", " 12 ", "1,5", "-0", "4294967296", "99999999"];

/** The template's XML edited the way a broken tool might: odd cell types, bad references, missing parts. */
export function mutatedXml(random: Random, template: Buffer): Buffer {
  const parts = unzip(template);
  for (let i = random.int(1, 4); i > 0; i--) {
    const edit = random.weighted<(p: Map<string, Buffer>) => void>([
      [4, (p) => editPart(p, SHEET, (xml) => replaceOne(random, xml, /<v>[^<]*<\/v>/g, `<v>${random.pick(GARBAGE_VALUES)}</v>`))],
      [
        2,
        (p) =>
          editPart(p, SHEET, (xml) =>
            replaceOne(
              random,
              xml,
              /<c r="([A-Z]+\d+)"([^>]*)>/g,
              `<c r="$1" t="${random.pick(["e", "b", "s", "str", "inlineStr", "d", "n", "zz"])}">`,
            ),
          ),
      ],
      [
        1,
        (p) =>
          editPart(p, SHEET, (xml) =>
            replaceOne(
              random,
              xml,
              /<c r="[A-Z]+\d+"/g,
              random.pick(['<c r="XFD1048576"', '<c r="A0"', '<c r="ZZZZ9"', "<c", '<c r="A1"']),
            ),
          ),
      ],
      [
        1,
        (p) =>
          editPart(p, SHEET, (xml) =>
            replaceOne(random, xml, /<row r="\d+"/g, random.pick(['<row r="1048576"', '<row r="0"', '<row r="-5"', "<row"])),
          ),
      ],
      [
        1,
        (p) =>
          editPart(p, SHEET, (xml) =>
            xml.replace(/<sheetData>/, '<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>KT1</t></is></c></row>'),
          ),
      ],
      [
        1,
        (p) =>
          editPart(p, SHEET, (xml) =>
            xml.replace(/<mergeCells[^>]*>/, `$&<mergeCell ref="${random.pick(["A1:A0", "ZZZZ1:A1", "A5:XFD1048576", "B5:C6"])}"/>`),
          ),
      ],
      [
        1,
        (p) =>
          editPart(p, "xl/sharedStrings.xml", (xml) =>
            xml.replace(/<si>/g, () => (random.chance(0.05) ? "<si><t>=1+1</t></si><si>" : "<si>")),
          ),
      ],
      [
        1,
        (p) =>
          p.delete(
            random.pick([
              "xl/sharedStrings.xml",
              "xl/styles.xml",
              SHEET,
              "xl/workbook.xml",
              "[Content_Types].xml",
              "xl/_rels/workbook.xml.rels",
            ]),
          ),
      ],
      [1, (p) => editPart(p, random.pick([...p.keys()]), (xml) => xml.slice(0, random.int(0, xml.length)))],
      [
        1,
        (p) =>
          editPart(p, "xl/workbook.xml", (xml) =>
            xml.replace(/name="[^"]*"/, `name="${random.pick(["", "&amp;lt;", "Tổng hợp BTV 2027", "x".repeat(300)])}"`),
          ),
      ],
      [1, (p) => editPart(p, "xl/workbook.xml", (xml) => xml.replace(/<sheet /, '<sheet state="veryHidden" '))],
      [1, (p) => editPart(p, SHEET, (xml) => `\uFEFF${xml.replace(/encoding="UTF-8"/, 'encoding="UTF-16"')}`)],
    ]);
    try {
      edit(parts);
    } catch {
      // the part was already gone
    }
  }
  return zip([...parts].map(([name, content]) => packPart(name, content)));
}

function editPart(parts: Map<string, Buffer>, name: string, edit: (xml: string) => string): void {
  const part = parts.get(name);
  if (part) parts.set(name, Buffer.from(edit(part.toString("utf8")), "utf8"));
}

function replaceOne(random: Random, text: string, pattern: RegExp, replacement: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const m = random.pick(matches);
  return text.slice(0, m.index) + m[0].replace(new RegExp(pattern.source), replacement) + text.slice(m.index! + m[0].length);
}

/** The template's bytes flipped, cut, or shuffled. */
export function mutatedBytes(random: Random, template: Buffer): Buffer {
  const bytes = Buffer.from(template);
  switch (random.int(0, 3)) {
    case 0:
      for (let i = random.int(1, 20); i > 0; i--) bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
      return bytes;
    case 1:
      return bytes.subarray(0, random.int(0, bytes.length - 1)); // a truncated zip
    case 2: {
      const at = random.int(0, bytes.length);
      return Buffer.concat([bytes.subarray(0, at), random.bytes(random.int(1, 64)), bytes.subarray(at)]);
    }
    default: {
      const at = random.int(0, bytes.length - 100);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + random.int(1, 100))]);
    }
  }
}

/** Files that are no workbook, named .xlsx. */
export function notAWorkbook(random: Random): Buffer {
  return random.weighted<() => Buffer>([
    [3, () => random.bytes(random.int(0, 5000))],
    [2, () => Buffer.from('Mã;Chỉ tiêu;Mục tiêu 2030\nKT1;Thu ngân sách;≥ 60\nKT2;"x";7-8\n', "utf8")],
    [1, () => Buffer.alloc(0)],
    [1, () => Buffer.from("<html><body><table><tr><td>Mã</td></tr></table></body></html>")],
    [1, () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random.bytes(512)])],
    [1, () => Buffer.concat([Buffer.from("PK\u0003\u0004"), random.bytes(random.int(0, 2000))])],
    [1, () => Buffer.from("Mã\tChỉ tiêu\r\nKT1\tx\r\n", "utf16le")],
    [1, () => zip([packPart("readme.txt", Buffer.from("không phải Excel"))])],
    [1, () => zip([packPart("[Content_Types].xml", Buffer.from("<Types/>")), packPart("xl/", Buffer.alloc(0))])],
    [1, () => zip(Array.from({ length: random.pick([1000, 20_000]) }, (_, i) => packPart(`xl/x${i}.xml`, Buffer.from("<a/>"))))],
  ])();
}

/** A zip that expands far beyond its size: honest about it, or lying in its headers. */
export function zipBomb(random: Random, template: Buffer): Buffer {
  const kind = random.pick(["huge", "ratio", "lying"] as const);
  const megabytes = kind === "huge" ? 3000 : kind === "ratio" ? 50 : random.pick([300, 1024, 4096]);
  const parts = [...unzip(template)].filter(([name]) => name !== SHEET).map(([name, content]) => packPart(name, content));
  const prefix =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const data = deflateBomb(prefix, megabytes, "</sheetData></worksheet>");
  const size = kind === "lying" ? 48_000 : prefix.length + megabytes * 1024 * 1024 + 24;
  const bomb: PackedPart = { name: SHEET, data, size, crc: crc32(Buffer.from(prefix)) };
  return zip([...parts, bomb]);
}
