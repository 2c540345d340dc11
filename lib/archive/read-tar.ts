import { gunzipSync } from "node:zlib";
import { ArchiveError, LIMITS, type Limits, ignorable, unsafePath, type ArchiveEntry } from "./limits";

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? raw.length : nul).toString("utf8");
}

function paxPath(body: Buffer): string | undefined {
  for (const record of body.toString("utf8").split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(record);
    if (m) return m[1];
  }
  return undefined;
}

/** Reads a gzip-compressed tar archive from memory, unpacking at most the limit in total. */
export function readTarGz(data: Uint8Array, limits: Limits = LIMITS): ArchiveEntry[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(data, { maxOutputLength: limits.unpackedBytes });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE") {
      throw new ArchiveError(`the archive unpacks to more than ${limits.unpackedBytes / 1e6} MB`);
    }
    throw new ArchiveError("not a gzip-compressed archive, or a damaged one");
  }
  const entries: ArchiveEntry[] = [];
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    if (field(header, 257, 5) !== "ustar" && !/^[0-7 \0]+$/.test(header.subarray(124, 136).toString("latin1"))) {
      throw new ArchiveError("damaged tar archive (bad header)");
    }
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const body = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    longName = undefined;
    if (type === "L") { longName = body.toString("utf8").replace(/\0+$/, ""); continue; }
    if (type === "x") { longName = paxPath(body); continue; }
    if (type === "g" || type === "5") continue;
    const clean = name.replace(/^\.\//, "");
    if (ignorable(clean)) continue;
    if (entries.length >= limits.files) throw new ArchiveError(`more than ${limits.files} files in the archive; at most ${limits.files} per import`);
    const unsafe = unsafePath(clean);
    if (unsafe) entries.push({ name: clean, error: `refused: ${unsafe}` });
    else if (type !== "0") entries.push({ name: clean, error: type === "2" || type === "1" ? "a link, not a file; skipped" : "not a regular file; skipped" });
    else if (size > limits.fileBytes) entries.push({ name: clean, error: `larger than ${limits.fileBytes / 1e6} MB` });
    else entries.push({ name: clean, bytes: body });
  }
  return entries;
}
