import * as zlib from "node:zlib";
import type { Deflater, Inflater } from "../../workbook/zip";

/** Node's native zlib for the layer's zip: no JavaScript inflater to warm up in a command that runs for a second. */
export const inflateWithZlib: Inflater = (data, size) => {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw error;
  }
};

export const deflateWithZlib: Deflater = (data) => zlib.deflateRawSync(data);
