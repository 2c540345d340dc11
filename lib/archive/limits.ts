/** Limits for what one import may unpack; each protects the server from one kind of bad upload. */
export interface Limits {
  fileBytes: number;
  uploadBytes: number;
  unpackedBytes: number;
  files: number;
}

export const LIMITS: Readonly<Limits> = {
  /** One Markdown file (the importer's own limit). */
  fileBytes: 1_000_000,
  /** An uploaded archive or batch, as sent. */
  uploadBytes: 50_000_000,
  /** Everything an archive unpacks to (a zip bomb stops here). */
  unpackedBytes: 200_000_000,
  /** Files in one archive or batch. */
  files: 2_000,
};

export interface ArchiveEntry {
  /** The path inside the archive, with "/" separators. */
  name: string;
  /** The bytes, or why this entry could not be read (the rest of the archive still is). */
  bytes?: Uint8Array;
  error?: string;
}

export class ArchiveError extends Error {}

/** A path that stays inside the archive: no "..", no absolute or drive paths, no backslashes. */
export function unsafePath(name: string): string | null {
  if (!name || name.includes("\0")) return "empty or malformed path";
  if (name.includes("\\")) return "backslash in path";
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) return "absolute path";
  if (name.split("/").some((part) => part === "..")) return 'path leaves the archive ("..")';
  return null;
}

/** Entries nobody means to import: folders and the metadata some archivers add. */
export function ignorable(name: string): boolean {
  return name.endsWith("/") || name.startsWith("__MACOSX/") || name.split("/").some((p) => p === ".DS_Store" || p.startsWith("._"));
}
