import { NextResponse } from "next/server";
import { problem } from "../../_lib/http";
import { LIMITS } from "@/lib/archive/read-archive";
import type { UploadedFile } from "@/server/import";

/** Reads at most `limit` bytes of a body, stopping (413) as soon as it is over, whatever Content-Length claims. */
async function readBytes(req: Request, limit: number): Promise<Uint8Array | NextResponse> {
  const tooBig = () => problem(413, [`body: larger than ${limit / 1e6} MB; import the archive in parts or use npm run import`]);
  if (Number(req.headers.get("content-length") ?? 0) > limit) return tooBig();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The files of a batch upload: multipart form fields named "files", or one archive sent as the body. */
export async function readUpload(req: Request, name: string | undefined): Promise<UploadedFile[] | NextResponse> {
  const type = req.headers.get("content-type") ?? "";
  const bytes = await readBytes(req, LIMITS.uploadBytes);
  if (bytes instanceof NextResponse) return bytes;
  if (!type.startsWith("multipart/form-data")) return [{ name: name ?? "upload", bytes }];
  let form: FormData;
  try {
    form = await new Response(new Blob([bytes as BlobPart]), { headers: { "content-type": type } }).formData();
  } catch {
    return problem(400, ["body: not a readable multipart form"]);
  }
  const files: UploadedFile[] = [];
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") continue;
    files.push({ name: entry.name || `file ${files.length + 1}`, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  if (!files.length) return problem(400, ['files: no files in the form (send them as fields named "files")']);
  return files;
}
