"use client";
import { UntilHydrated, useHydrated } from "../ClientForm";
import { useCallback, useEffect, useRef, useState } from "react";
import { mergePostmortems, type MergeResult } from "@/lib/merge";
import type { Postmortem } from "@/lib/model";
import { ConflictPanel } from "./ConflictPanel";
import { EditorSections } from "./EditorSections";
import { useDraftBackup, type Draft } from "./useDraftBackup";
import type { ServiceOption } from "./types";

type Stored = Postmortem & { version: number; updatedAt?: string; metrics?: unknown };
type Status = { kind: "idle" | "saving" | "saved" } | { kind: "error"; problems: string[] };

function plain(s: Stored): Postmortem {
  const { version: _v, updatedAt: _u, metrics: _m, ...pm } = s;
  return pm;
}

export function PostmortemEditor({ initial, services }: { initial: Stored; services: ServiceOption[] }) {
  const [pm, setPm] = useState<Postmortem>(() => plain(initial));
  const [base, setBase] = useState<Postmortem>(() => plain(initial)); // the saved version these edits start from
  const [version, setVersion] = useState(initial.version);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ result: MergeResult; theirs: Stored } | null>(null);
  const hydrated = useHydrated();
  const latest = useRef({ pm, base, version });
  latest.current = { pm, base, version };
  const draft = useDraftBackup(initial.slug, version, pm, dirty);

  const edit = useCallback((update: (p: Postmortem) => Postmortem) => {
    setPm(update);
    setDirty(true);
  }, []);

  const save = useCallback(async (payload: Postmortem, baseVersion: number, baseSnapshot: Postmortem) => {
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/incidents/${encodeURIComponent(initial.slug)}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...payload, version: baseVersion }),
    });
    const body = await res.json().catch(() => ({ problems: [`save: the server answered ${res.status}`] }));
    if (res.ok) {
      const saved = plain(body);
      setBase(saved);
      setVersion(body.version);
      setConflict(null);
      // Keep anything typed while the save was in flight; otherwise adopt the server's copy.
      if (latest.current.pm === payload) {
        setPm(saved);
        setDirty(false);
        draft.clear();
      }
      setStatus({ kind: "saved" });
      if (saved.slug !== initial.slug) window.location.replace(`/incidents/${saved.slug}/edit`);
    } else if (res.status === 409 && body.current) {
      const theirs = body.current as Stored;
      setConflict({ result: mergePostmortems(baseSnapshot, payload, plain(theirs)), theirs });
      setStatus({ kind: "idle" });
    } else {
      setStatus({ kind: "error", problems: body.problems ?? [body.error ?? "save failed"] });
    }
  }, [initial.slug, draft]);

  const saveNow = useCallback(() => {
    const { pm: p, version: v, base: b } = latest.current;
    return save(p, v, b);
  }, [save]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveNow();
      }
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (latest.current.pm !== latest.current.base) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onLeave);
    };
  }, [saveNow]);

  async function restoreDraft(d: Draft) {
    // A draft begun on an older version is restored on top of that version, so saving goes through the merge.
    if (d.version !== version) {
      const res = await fetch(`/api/incidents/${encodeURIComponent(initial.slug)}/revisions/${d.version}`);
      if (res.ok) {
        setBase(await res.json());
        setVersion(d.version);
      }
    }
    setPm(d.pm);
    setDirty(true);
  }

  return (
    <div className="editor">
      <div className="save-bar" role="region" aria-label="Save">
        <strong>Version {version}</strong>
        <span className="muted" role="status">
          {status.kind === "saving" ? "Saving…" : dirty ? "Unsaved changes" : status.kind === "saved" ? `Saved version ${version}` : "No changes"}
        </span>
        <button type="button" onClick={saveNow} disabled={!hydrated || status.kind === "saving"}>Save</button>
        <a href={`/incidents/${initial.slug}`}>View</a>
        <a href={`/incidents/${initial.slug}/history`}>History</a>
      </div>
      {status.kind === "error" && (
        <div className="error" role="alert"><p>Not saved:</p><ul>{status.problems.map((p) => <li key={p}>{p}</li>)}</ul></div>
      )}
      {draft.found && !dirty && JSON.stringify(draft.found.pm) !== JSON.stringify(pm) && (
        <div className="panel notice" role="status">
          Unsaved changes from {new Date(draft.found.at).toLocaleString()} were kept in this browser.{" "}
          <button type="button" onClick={() => restoreDraft(draft.found!)}>Restore them</button>{" "}
          <button type="button" className="secondary" onClick={draft.clear}>Discard</button>
        </div>
      )}
      {conflict && (
        <ConflictPanel result={conflict.result} theirVersion={conflict.theirs.version}
          onSave={(merged) => { setPm(merged); setDirty(true); void save(merged, conflict.theirs.version, plain(conflict.theirs)); }}
          onDiscardMine={() => { const t = plain(conflict.theirs); setPm(t); setBase(t); setVersion(conflict.theirs.version); setDirty(false); setConflict(null); }} />
      )}
      <UntilHydrated><EditorSections pm={pm} edit={edit} services={services} /></UntilHydrated>
    </div>
  );
}
