"use client";
import { useState } from "react";
import type { BatchReport as Batch, FileReport } from "@/lib/import-report";
import { ClientForm } from "./ClientForm";
import { BatchReport } from "./import/BatchReport";
import { ImportPreview } from "./import/ImportPreview";

type Input = { kind: "text"; text: string; name?: string } | { kind: "files"; files: File[] };
type Stage =
  | { step: "input" }
  | { step: "preview"; input: Input; single?: FileReport; batch?: Batch }
  | { step: "saved"; single?: FileReport & { incident: { slug: string; title: string } }; batch?: Batch };

const ARCHIVE = /\.(zip|tar\.gz|tgz)$/i;
const MARKDOWN = /\.(md|markdown|mdown|txt)$/i;

async function send(input: Input, preview: boolean, keepStatus = false): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const query = new URLSearchParams(preview ? { preview: "1" } : {});
  if (keepStatus) query.set("keep_status", "1");
  let res: Response;
  if (input.kind === "text") {
    if (input.name) query.set("name", input.name);
    res = await fetch(`/api/incidents/import?${query}`, { method: "POST", headers: { "content-type": "text/markdown" }, body: input.text });
  } else {
    const form = new FormData();
    for (const file of input.files) form.append("files", file, file.webkitRelativePath || file.name);
    res = await fetch(`/api/incidents/import?${query}`, { method: "POST", body: form });
  }
  const json = await res.json().catch(() => ({ problems: [`the server answered ${res.status} without a report`] }));
  return { ok: res.ok, json };
}

/**
 * Paste or upload postmortems (Markdown files, several at once, or a zip / tar.gz archive), see
 * the structure recognised and the import report, and save only on confirmation.
 */
export function ImportForm({ canKeepStatus = false }: { canKeepStatus?: boolean }) {
  const [keepStatus, setKeepStatus] = useState(false);
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<Stage>({ step: "input" });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function inputFromForm(): Promise<Input | null> {
    if (files.length === 1 && !ARCHIVE.test(files[0].name)) return { kind: "text", text: await files[0].text(), name: files[0].webkitRelativePath || files[0].name };
    if (files.length) return { kind: "files", files };
    return text.trim() ? { kind: "text", text } : null;
  }

  async function run<T>(fn: () => Promise<T>) {
    setBusy(true);
    setProblems([]);
    try {
      await fn();
    } catch (err) {
      setProblems([`could not reach the server (${err instanceof Error ? err.message : err})`]);
    } finally {
      setBusy(false);
    }
  }

  const preview = (e: React.FormEvent) => {
    e.preventDefault();
    return run(async () => {
      const input = await inputFromForm();
      if (!input) return setProblems(["document: choose a file or paste a postmortem first"]);
      const { ok, json } = await send(input, true, keepStatus);
      if (!ok) return setProblems((json.problems as string[]) ?? [String(json.error)]);
      setStage(input.kind === "text" ? { step: "preview", input, single: json.preview as FileReport } : { step: "preview", input, batch: json as unknown as Batch });
    });
  };

  const save = (input: Input) => run(async () => {
    const { ok, json } = await send(input, false, keepStatus);
    if (!ok) return setProblems((json.problems as string[]) ?? [String(json.error)]);
    setStage(input.kind === "text" ? { step: "saved", single: json as never } : { step: "saved", batch: json as unknown as Batch });
  });

  const errors = problems.length > 0 && (
    <div className="error" role="alert"><p>Not imported:</p><ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul></div>
  );

  if (stage.step === "saved") {
    const single = stage.single;
    return (
      <div className="import-result">
        {single && <p role="status">{single.action === "update" ? "Updated" : "Imported"} <a href={`/incidents/${single.incident.slug}`}>{single.incident.title}</a>{keepStatus ? "." : " as a draft."}{" "}
          <a href={`/incidents/${single.incident.slug}/edit`}>Continue in the editor</a></p>}
        {stage.batch && <BatchReport report={stage.batch} saved />}
        <p><button type="button" onClick={() => { setStage({ step: "input" }); setFiles([]); setText(""); }}>Import more</button></p>
      </div>
    );
  }

  if (stage.step === "preview") {
    const importable = stage.single ? 1 : stage.batch!.total.imported;
    return (
      <div className="import-preview-stage">
        <p className="muted">Nothing is saved yet. Check what was recognised, then save.</p>
        {stage.single && <ImportPreview report={stage.single} />}
        {stage.batch && <BatchReport report={stage.batch} saved={false} />}
        {errors}
        <div className="actions">
          <button type="button" disabled={busy || importable === 0} onClick={() => save(stage.input)}>
            {stage.single ? (stage.single.action === "update" ? "Save the update" : "Save as a draft") : `Save ${importable} postmortem${importable === 1 ? "" : "s"}`}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => setStage({ step: "input" })}>Change the input</button>
        </div>
      </div>
    );
  }

  return (
    <ClientForm className="form wide-form import-form" onSubmit={preview} aria-label="Import postmortems">
      <label>Files: Markdown, several at once, or a zip or tar.gz archive
        <input type="file" multiple accept=".md,.markdown,.txt,.zip,.tgz,.gz,text/markdown,text/plain,application/zip,application/gzip"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
      </label>
      <label>Or a whole folder
        <input type="file" multiple {...{ webkitdirectory: "" }}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []).filter((f) => MARKDOWN.test(f.name)))} />
      </label>
      {files.length > 1 && <p className="muted">{files.length} files chosen.</p>}
      <label>Or paste one postmortem here<textarea rows={16} value={text} onChange={(e) => setText(e.target.value)} /></label>
      {canKeepStatus && (
        <label className="check"><input type="checkbox" checked={keepStatus} onChange={(e) => setKeepStatus(e.target.checked)} />
          {" "}Keep each document&apos;s review status (e.g. postmortems already reviewed elsewhere); otherwise every one is imported as a draft</label>
      )}
      {errors}
      <button type="submit" disabled={busy}>{busy ? "Reading…" : "Preview"}</button>
    </ClientForm>
  );
}
