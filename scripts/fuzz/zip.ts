import * as zlib from "node:zlib";

/**
 * Just enough zip for the fuzzer: unpack an .xlsx into parts, pack parts back (optionally lying about sizes),
 * and build a deflate stream that expands far beyond its size.
 */
export type ZipParts = Map<string, Buffer>;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Parts of a zip by its central directory; throws on anything it does not understand (only used on our own files). */
export function unzip(bytes: Buffer): ZipParts {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("no end of central directory");
  const count = bytes.readUInt16LE(end + 10);
  const parts: ZipParts = new Map();
  for (let at = bytes.readUInt32LE(end + 16), i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const local = bytes.readUInt32LE(at + 42);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    parts.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}

export interface PackedPart {
  name: string;
  /** Deflated bytes (or raw when `stored`). */
  data: Buffer;
  /** Uncompressed size written in both headers; may be a lie. */
  size: number;
  crc: number;
  stored?: boolean;
}

export function packPart(name: string, content: Buffer): PackedPart {
  return { name, data: zlib.deflateRawSync(content), size: content.length, crc: crc32(content) };
}

/** A zip of the given parts, sizes and CRCs as the parts say (so a part can lie). */
export function zip(parts: readonly PackedPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(Math.min(p.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags, method, time, date, crc, sizes
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Raw deflate data of `prefix`, then `megabytes` MiB of spaces, then `suffix`, built from one compressed MiB. */
export function deflateBomb(prefix: string, megabytes: number, suffix: string): Buffer {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  const mib = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush); // self-contained: no reference before it
  const tail = zlib.deflateRawSync(Buffer.from(suffix));
  return Buffer.concat([head, ...Array.from({ length: megabytes }, () => mib), tail]);
}
