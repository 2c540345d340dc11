import { inflateRawSync } from "node:zlib";
import { ArchiveError, LIMITS, type Limits, ignorable, unsafePath, type ArchiveEntry } from "./limits";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  throw new ArchiveError("not a zip archive (no end-of-archive record)");
}

function tooBig(err: unknown): boolean {
  return err instanceof RangeError || (err as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE";
}

/**
 * Reads a zip archive from memory. Each entry is unpacked with a hard output cap, whatever size its
 * header claims, so a zip bomb costs at most the cap; a bad entry is reported and the rest are read.
 */
export function readZip(data: Uint8Array, limits: Limits = LIMITS): ArchiveEntry[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 22) throw new ArchiveError("not a zip archive (too short)");
  const end = findEndRecord(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ArchiveError("ZIP64 archives are not supported; make a plain zip or a tar.gz");
  if (count > limits.files) throw new ArchiveError(`${count} files in the archive; at most ${limits.files} per import`);
  const entries: ArchiveEntry[] = [];
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ArchiveError("damaged zip archive (central directory)");
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? "utf8" : "latin1");
    at += 46 + nameLength + extraLength + commentLength;
    if (ignorable(name)) continue;
    const unsafe = unsafePath(name);
    if (unsafe) {
      entries.push({ name, error: `refused: ${unsafe}` });
      continue;
    }
    if (flags & 0x1) {
      entries.push({ name, error: "encrypted; unpack it first" });
      continue;
    }
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) {
      entries.push({ name, error: "damaged entry (local header)" });
      continue;
    }
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    const room = Math.min(limits.fileBytes, limits.unpackedBytes - unpacked);
    try {
      let bytes: Buffer;
      if (method === 0) bytes = raw;
      else if (method === 8) bytes = inflateRawSync(raw, { maxOutputLength: room + 1 });
      else {
        entries.push({ name, error: `compressed with method ${method}; only stored and deflated entries can be read` });
        continue;
      }
      if (bytes.length > room) throw new RangeError("too large");
      unpacked += bytes.length;
      entries.push({ name, bytes });
    } catch (err) {
      if (!tooBig(err)) {
        entries.push({ name, error: "damaged entry (cannot be unpacked)" });
        continue;
      }
      entries.push({ name, error: room < limits.fileBytes ? `the archive unpacks to more than ${limits.unpackedBytes / 1e6} MB; the rest was not read` : `larger than ${limits.fileBytes / 1e6} MB when unpacked` });
    }
  }
  return entries;
}
