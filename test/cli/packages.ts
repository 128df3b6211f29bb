import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * Small workbook packages written by hand, part by part, for the workbook-file layer's tests: each variation a real
 * producer writes (prefixes, strict namespaces, absolute targets, missing parts) in a few lines of XML.
 */
export type Parts = Record<string, string | Uint8Array>;

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts zipped; `level` 1 for a giant part, where the default's better compression costs seconds. */
export function zipParts(parts: Parts, level: 1 | 6 = 6): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([name, content]) => [name, typeof content === "string" ? strToU8(content) : content])),
    { level },
  );
}

/** Every part of a package, inflated. */
export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export const text = (bytes: Uint8Array | undefined) => (bytes ? strFromU8(bytes) : "");

export interface SheetSpec {
  name: string;
  /** The worksheet part's XML body (inside <sheetData> unless `xml` gives the whole part). */
  rows?: string;
  xml?: string;
  state?: "hidden" | "veryHidden";
  kind?: "worksheet" | "chartsheet" | "dialogsheet";
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string | null;
  styles?: string | null;
  date1904?: boolean;
  /** Relationship targets as absolute part names (`/xl/worksheets/sheet1.xml`). */
  absoluteTargets?: boolean;
  workbookType?: string;
  extra?: Parts;
}

const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** A transitional package as Excel lays it out, with the given sheets. */
export function workbookPackage(spec: PackageSpec): Parts {
  const target = (t: string) => (spec.absoluteTargets ? `/xl/${t}` : t);
  const rels: string[] = [];
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="${spec.workbookType ?? WORKBOOK_TYPE}"/>`];
  const parts: Parts = {};
  const sheets = spec.sheets.map((sheet, i) => {
    const kind = sheet.kind ?? "worksheet";
    const folder = kind === "worksheet" ? "worksheets" : kind === "chartsheet" ? "chartsheets" : "dialogsheets";
    const part = `${folder}/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${target(part)}"/>`);
    overrides.push(
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`,
    );
    parts[`xl/${part}`] =
      sheet.xml ?? `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheet.rows ?? ""}</sheetData></worksheet>`;
    return `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (spec.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/>`);
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    const items =
      typeof spec.sharedStrings === "string"
        ? spec.sharedStrings
        : spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("");
    parts["xl/sharedStrings.xml"] = `${XML}<sst xmlns="${MAIN}">${items}</sst>`;
  }
  if (spec.styles) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="${target("styles.xml")}"/>`);
    overrides.push(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    parts["xl/styles.xml"] = spec.styles;
  }
  return {
    "[Content_Types].xml": `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${spec.absoluteTargets ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets.join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`,
    ...parts,
    ...spec.extra,
  };
}

/** A stylesheet whose cell formats 0…n use the given number format ids, with custom formats from 164. */
export function stylesXml(numFmtIds: number[], custom: Record<number, string> = {}): string {
  const numFmts = Object.entries(custom).map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code}"/>`);
  return (
    `${XML}<styleSheet xmlns="${MAIN}">` +
    (numFmts.length > 0 ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${numFmtIds.length}">${numFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
}

/** A target sheet (header and two indicators) as <row> elements with inline strings. */
export function targetRows(): string {
  const cell = (ref: string, value: string | number) =>
    typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const row = (r: number, values: (string | number)[]) =>
    `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join("")}</row>`;
  return [
    row(1, ["Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027]),
    row(2, ["KT1", "Thu ngân sách", "triệu đồng", 50, "≥ 60", 55, 58]),
    row(3, ["XH1", "Tỷ lệ hộ nghèo", "%", 30, "dưới 20", 28, 26]),
  ].join("");
}
