import * as zlib from "node:zlib";
import { CliError } from "../cli/messages";

/** Checked before a workbook is handed to exceljs, which inflates every part in memory. */
export const LIMITS = {
  /** The template is 30 KB; a commune workbook with years of data a few MB. */
  fileBytes: 50 * 1024 * 1024,
  /** Sum of the uncompressed sizes the zip central directory declares. */
  unzippedBytes: 200 * 1024 * 1024,
  /** Deflate tops out near 1:1000; spreadsheet XML rarely passes 1:100. Only checked for large parts. */
  ratio: 200,
  ratioFloorBytes: 10 * 1024 * 1024,
  /** Cells of one merged range: a title merges a few dozen; exceljs creates an object per merged cell. */
  mergedCells: 100_000,
  /** Parts of the zip: a workbook has a few per sheet; tens of thousands of tiny parts only slow the reading. */
  parts: 10_000,
};

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX32 = 0xffffffff;
const DEFLATE = 8;

interface ZipEntry {
  compressed: number;
  uncompressed: number;
  /** Offset of the part's local header. */
  offset: number;
  /** 8 is deflate; 0 is stored. */
  method: number;
  name: string;
}

/** Checked on the file's size, before it is read. */
export function checkFileSize(size: number, file: string): void {
  if (size > LIMITS.fileBytes) throw new CliError("file-too-large", { file, size, limit: LIMITS.fileBytes });
}

/** Refuses, with one sentence each, a file that is not an .xlsx zip or that would be too large once inflated. */
export function checkWorkbookBytes(bytes: Buffer, file: string): void {
  checkFileSize(bytes.length, file);
  if (bytes.subarray(0, OLE2.length).equals(OLE2)) throw new CliError("legacy-xls", { file });
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_HEADER) throw new CliError("not-xlsx", { file });
  const entries = centralDirectory(bytes);
  if (!entries || entries.length === 0) throw new CliError("corrupt", { file });
  // Before any inflating: a zip of thousands of parts with no workbook in it is no spreadsheet.
  if (!entries.some((e) => WORKBOOK_PART.test(e.name)) || entries.length > LIMITS.parts) throw new CliError("not-xlsx", { file });
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  if (total > LIMITS.unzippedBytes) throw new CliError("unzipped-too-large", { file, size: total, limit: LIMITS.unzippedBytes });
  for (const e of entries) {
    const ratio = e.uncompressed / Math.max(e.compressed, 1);
    if (e.uncompressed > LIMITS.ratioFloorBytes && ratio > LIMITS.ratio) throw new CliError("zip-bomb", { file, ratio });
    const part = inflatePart(bytes, e, file);
    if (WORKSHEET_PART.test(e.name)) checkMerges(part, file);
  }
}

const WORKBOOK_PART = /^xl\/workbook\.xml$/i;
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const MERGE = /<mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"/g;

/** exceljs makes an object for every cell of a merged range: a merge over the whole sheet would never load. */
function checkMerges(xml: Buffer, file: string): void {
  for (const [range, c1, r1, c2, r2] of xml.toString("utf8").matchAll(MERGE)) {
    const cells = (Math.abs(columnNumber(c2) - columnNumber(c1)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
    if (cells > LIMITS.mergedCells) throw new CliError("merge-too-large", { file, range: range.slice(range.indexOf('"') + 1, -1), limit: LIMITS.mergedCells });
  }
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * A part's bytes. The declared sizes can lie: each part is inflated with its declared size as a hard cap, so that
 * a zip bomb is refused here in milliseconds instead of filling memory inside exceljs.
 */
function inflatePart(bytes: Buffer, entry: ZipEntry, file: string): Buffer {
  const header = entry.offset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) throw new CliError("corrupt", { file });
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method !== DEFLATE) return data;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
    throw new CliError(tooLarge ? "zip-size-lie" : "corrupt", { file });
  }
}

/** The sizes the central directory declares, or null when it is missing or cut (a truncated file). */
function centralDirectory(bytes: Buffer): ZipEntry[] | null {
  const end = findEnd(bytes);
  if (end < 0) return null;
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
    const zip64 = readSafeNumber(bytes, locator + 8);
    if (zip64 === null || zip64 + 56 > bytes.length || bytes.readUInt32LE(zip64) !== ZIP64_END) return null;
    count = readSafeNumber(bytes, zip64 + 32) ?? -1;
    size = readSafeNumber(bytes, zip64 + 40) ?? -1;
    offset = readSafeNumber(bytes, zip64 + 48) ?? -1;
  }
  if (count < 0 || size < 0 || offset < 0 || offset + size > end) return null;
  const entries: ZipEntry[] = [];
  for (let at = offset; entries.length < count; ) {
    if (at + 46 > offset + size || bytes.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const names = bytes.readUInt16LE(at + 28);
    const extras = bytes.readUInt16LE(at + 30);
    const comments = bytes.readUInt16LE(at + 32);
    const name = bytes.toString("utf8", at + 46, Math.min(at + 46 + names, bytes.length));
    const entry = { compressed: bytes.readUInt32LE(at + 20), uncompressed: bytes.readUInt32LE(at + 24), offset: bytes.readUInt32LE(at + 42), method: bytes.readUInt16LE(at + 10), name };
    const extraStart = at + 46 + names;
    if (extraStart + extras > bytes.length) return null;
    if (entry.compressed === MAX32 || entry.uncompressed === MAX32 || entry.offset === MAX32) readZip64Sizes(bytes.subarray(extraStart, extraStart + extras), entry);
    entries.push(entry);
    at = extraStart + extras + comments;
  }
  return entries;
}

function findEnd(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length) return at;
  }
  return -1;
}

/** The zip64 extra field holds the 8-byte sizes, in this order, of the fields set to 0xFFFFFFFF. */
function readZip64Sizes(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["uncompressed", "compressed", "offset"] as const) {
        if (entry[key] !== MAX32 || field + 8 > at + 4 + length) continue;
        entry[key] = readSafeNumber(extra, field) ?? Number.MAX_SAFE_INTEGER;
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

function readSafeNumber(bytes: Buffer, at: number): number | null {
  if (at + 8 > bytes.length) return null;
  const value = bytes.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}
