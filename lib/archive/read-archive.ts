import { readTarGz } from "./read-tar";
import { readZip } from "./read-zip";
import { ArchiveError, LIMITS, type ArchiveEntry, type Limits } from "./limits";

export { ArchiveError, LIMITS, type ArchiveEntry } from "./limits";

/** Which archive a file is, by its first bytes (names lie), or null for anything else. */
export function archiveKind(bytes: Uint8Array): "zip" | "tar.gz" | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5)) return "zip";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "tar.gz";
  return null;
}

/** The files inside a zip or tar.gz archive; throws ArchiveError when the archive as a whole cannot be read. */
export function readArchive(bytes: Uint8Array, limits: Limits = LIMITS): ArchiveEntry[] {
  const kind = archiveKind(bytes);
  if (kind === "zip") return readZip(bytes, limits);
  if (kind === "tar.gz") return readTarGz(bytes, limits);
  throw new ArchiveError("not a zip or tar.gz archive");
}

/** Markdown and text files are imported; anything else in an archive is listed as skipped. */
export function isMarkdownName(name: string): boolean {
  return /\.(md|markdown|mdown|txt)$/i.test(name);
}

/** Decodes a file's bytes as UTF-8 text, or says in words why it is not importable text. */
export function decodeText(bytes: Uint8Array, limits: Limits = LIMITS): { text: string } | { error: string } {
  if (bytes.byteLength === 0) return { error: "empty file" };
  if (bytes.byteLength > limits.fileBytes) return { error: `larger than ${limits.fileBytes / 1e6} MB (${(bytes.byteLength / 1e6).toFixed(1)} MB); split it or trim attachments` };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { error: "not text (it looks like a binary file)" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: "not valid UTF-8 text; save the file as UTF-8 and import it again" };
  }
}

export function isArchiveError(err: unknown): err is ArchiveError {
  return err instanceof ArchiveError;
}
