import { deflateSync, Inflate } from "fflate";
import { crc32 } from "./crc32";
import { damaged, WorkbookFileError } from "./errors";
import { LIMITS } from "./limits";

/**
 * The zip container of a workbook: the central directory read and checked against the limits before any part is
 * inflated, parts inflated one at a time with their declared size as a hard cap, and a writer that copies the parts
 * it keeps without inflating them (their bytes cannot change) and deflates only the parts it is given.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX32 = 0xffffffff;
const STORED = 0;
const DEFLATE = 8;
const ENCRYPTED = 0x0001;
const UTF8_NAMES = 0x0800;
/**
 * Compressed bytes fed to the inflater at a time: a bomb's 1:1000 gives at most 64 MB before the cap stops it;
 * smaller chunks cost time on every real part (16 KB: 93 ms for a 7 MB sheet, 64 KB: 59 ms).
 */
const INFLATE_CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  time: number;
  date: number;
}

/**
 * Raw inflate with a cap: the bytes, or null when the data inflates past `size`. The layer's own (fflate) runs
 * anywhere; Node's zlib is native and needs no warming up, which a short command feels.
 */
export type Inflater = (data: Uint8Array, size: number) => Uint8Array | null;
export type Deflater = (data: Uint8Array) => Uint8Array;

export const inflateWithFflate: Inflater = (data, size) => {
  const out = new Uint8Array(size);
  let filled = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over || filled + chunk.length > out.length) {
      over = true;
      throw new RangeError("past the declared size");
    }
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INFLATE_CHUNK)
      inflater.push(data.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= data.length);
  } catch (error) {
    if (over) return null;
    throw error;
  }
  return filled === out.length ? out : out.subarray(0, filled);
};

export const deflateWithFflate: Deflater = (data) => deflateSync(data, { level: 6 });

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly inflateRaw: Inflater = inflateWithFflate,
  ) {
    for (const entry of entries) {
      // Two entries of one name (part names are case-insensitive): readers disagree on which is the part, so none is.
      if (this.byName.has(entry.name.toLowerCase())) throw damaged(entry.name);
      this.byName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** Part names are case-insensitive in a package. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The part's stored (compressed) bytes, as they sit in the file. */
  compressed(entry: ZipEntry): Uint8Array {
    const view = viewOf(this.bytes);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw damaged(entry.name);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > this.bytes.length) throw damaged(entry.name);
    return this.bytes.subarray(start, start + entry.compressedSize);
  }

  /**
   * The part's bytes; inflating past the declared size stops at once (a zip bomb lying about its size), and bytes
   * whose CRC-32 is not the one the directory declares are damaged.
   */
  inflate(entry: ZipEntry): Uint8Array {
    const data = this.compressed(entry);
    let inflated: Uint8Array | null = data;
    if (entry.method !== STORED) {
      try {
        inflated = this.inflateRaw(data, entry.size);
      } catch {
        throw damaged(entry.name);
      }
    }
    if (inflated === null) throw new WorkbookFileError("zip-size-lie", { part: entry.name });
    if (crc32(inflated) !== entry.crc) throw damaged(entry.name);
    return inflated;
  }
}

/** Refuses, by code, what is no workbook zip or would be too large once inflated; nothing is inflated here. */
export function openZip(bytes: Uint8Array, inflateRaw?: Inflater): ZipArchive {
  if (bytes.length > LIMITS.fileBytes) throw new WorkbookFileError("file-too-large", { size: bytes.length, limit: LIMITS.fileBytes });
  if (bytes.length >= OLE2.length && OLE2.every((b, i) => bytes[i] === b)) throw new WorkbookFileError("legacy-xls", {});
  if (bytes.length < 4 || viewOf(bytes).getUint32(0, true) !== LOCAL_HEADER) throw new WorkbookFileError("not-xlsx", {});
  const entries = centralDirectory(bytes);
  if (!entries || entries.length === 0) throw damaged();
  // A zip without the package's content types is no workbook (nor any Office document).
  if (!entries.some((e) => e.name.toLowerCase() === "[content_types].xml")) throw new WorkbookFileError("not-xlsx", {});
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if ((e.method !== STORED && e.method !== DEFLATE) || e.flags & ENCRYPTED) throw damaged(e.name);
    if (e.method === STORED && e.size !== e.compressedSize) throw damaged(e.name);
  }
  if (total > LIMITS.unzippedBytes) throw new WorkbookFileError("unzipped-too-large", { size: total, limit: LIMITS.unzippedBytes });
  for (const e of entries) {
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > LIMITS.ratioFloorBytes && ratio > LIMITS.ratio) throw new WorkbookFileError("zip-bomb", { ratio });
  }
  return new ZipArchive(bytes, entries, inflateRaw);
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const UTF8 = new TextDecoder("utf-8");

/** The entries the central directory declares, or null when it is missing or cut (a truncated file). */
function centralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = viewOf(bytes);
  const end = findEnd(view);
  if (end < 0) return null;
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
    const zip64 = readSafeNumber(view, locator + 8);
    if (zip64 === null || zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_END) return null;
    count = readSafeNumber(view, zip64 + 32) ?? -1;
    size = readSafeNumber(view, zip64 + 40) ?? -1;
    offset = readSafeNumber(view, zip64 + 48) ?? -1;
  }
  if (count < 0 || size < 0 || offset < 0 || offset + size > end) return null;
  // Before reading the directory: a zip of tens of thousands of tiny parts is no spreadsheet.
  if (count > LIMITS.parts) throw new WorkbookFileError("not-xlsx", {});
  const entries: ZipEntry[] = [];
  for (let at = offset; entries.length < count;) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const names = view.getUint16(at + 28, true);
    const extras = view.getUint16(at + 30, true);
    const comments = view.getUint16(at + 32, true);
    const extraStart = at + 46 + names;
    if (extraStart + extras > bytes.length) return null;
    const nameBytes = bytes.subarray(at + 46, extraStart);
    const entry: ZipEntry = {
      name: UTF8.decode(nameBytes).replace(/^\/+/, ""),
      nameBytes,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === MAX32 || entry.size === MAX32 || entry.localOffset === MAX32)
      readZip64Sizes(new DataView(bytes.buffer, bytes.byteOffset + extraStart, extras), entry);
    entries.push(entry);
    at = extraStart + extras + comments;
  }
  return entries;
}

function findEnd(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

/** The zip64 extra field holds the 8-byte sizes, in this order, of the fields set to 0xFFFFFFFF. */
function readZip64Sizes(extra: DataView, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.byteLength;) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] !== MAX32 || field + 8 > at + 4 + length) continue;
        entry[key] = readSafeNumber(extra, field) ?? Number.MAX_SAFE_INTEGER;
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

function readSafeNumber(view: DataView, at: number): number | null {
  if (at + 8 > view.byteLength) return null;
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
}

/** A part of the zip to write: kept as it was in an archive, or new content to deflate. */
export type ZipPart = { kept: ZipEntry; from: ZipArchive } | { name: string; content: Uint8Array };

interface Prepared {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

const ENCODER = new TextEncoder();
/** 1980-01-01 00:00, the earliest DOS date: new parts get it so that the same input gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip of the parts in order, without zip64 (the limits keep a workbook far below 4 GB) or data descriptors: the
 * sizes sit in the local headers, as every reader expects. `deflate` compresses new parts.
 */
export function writeZip(parts: readonly ZipPart[], deflate: Deflater): Uint8Array {
  const prepared: Prepared[] = parts.map((part) => {
    if ("kept" in part) {
      const e = part.kept;
      return {
        nameBytes: e.nameBytes,
        flags: e.flags & UTF8_NAMES,
        method: e.method,
        time: e.time,
        date: e.date,
        crc: e.crc,
        size: e.size,
        data: part.from.compressed(e),
      };
    }
    const compressed = part.content.length === 0 ? part.content : deflate(part.content);
    const method = compressed === part.content ? STORED : DEFLATE;
    return {
      nameBytes: ENCODER.encode(part.name),
      flags: UTF8_NAMES,
      method,
      time: 0,
      date: DOS_DATE,
      crc: crc32(part.content),
      size: part.content.length,
      data: compressed,
    };
  });
  const localSize = prepared.reduce((sum, p) => sum + 30 + p.nameBytes.length + p.data.length, 0);
  const centralSize = prepared.reduce((sum, p) => sum + 46 + p.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = viewOf(out);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    writeCommon(view, at + 4, p);
    view.setUint16(at + 28, 0, true);
    out.set(p.nameBytes, at + 30);
    out.set(p.data, at + 30 + p.nameBytes.length);
    at += 30 + p.nameBytes.length + p.data.length;
  }
  const centralStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, zip 2.0
    writeCommon(view, at + 6, p);
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.nameBytes, at + 46);
    at += 46 + p.nameBytes.length;
  });
  view.setUint32(at, END_OF_CENTRAL, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the name length. */
function writeCommon(view: DataView, at: number, p: Prepared): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, p.flags, true);
  view.setUint16(at + 4, p.method, true);
  view.setUint16(at + 6, p.time, true);
  view.setUint16(at + 8, p.date, true);
  view.setUint32(at + 10, p.crc, true);
  view.setUint32(at + 14, p.data.length, true);
  view.setUint32(at + 18, p.size, true);
  view.setUint16(at + 22, p.nameBytes.length, true);
}
