"use client";
import { UntilHydrated, useHydrated } from "../ClientForm";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkForSave, dropBlankRows, type FieldProblem } from "@/lib/editor-check";
import { serverProblemInWords } from "@/lib/field-words";
import { mergePostmortems, type MergeResult } from "@/lib/merge";
import type { Postmortem } from "@/lib/model";
import type { UnlistedService } from "@/lib/references";
import { addServiceToCatalog, CatalogAdder } from "./catalog-context";
import { ConflictPanel } from "./ConflictPanel";
import { EditorSections } from "./EditorSections";
import { FieldErrors, focusField } from "./field-errors";
import { useDraftBackup, type Draft } from "./useDraftBackup";
import { useLeaveGuard } from "./useLeaveGuard";
import type { ServiceOption } from "./types";

type Stored = Postmortem & { version: number; updatedAt?: string; metrics?: unknown; unlistedServices?: UnlistedService[] };
type Status = { kind: "idle" | "saving" } | { kind: "saved"; unlisted: UnlistedService[] } | { kind: "error"; problems: FieldProblem[] };

function plain(s: Stored): Postmortem {
  const { version: _v, updatedAt: _u, metrics: _m, unlistedServices: _l, ...pm } = s;
  return pm;
}

export function PostmortemEditor({ initial, services: catalog }: { initial: Stored; services: ServiceOption[] }) {
  const [pm, setPm] = useState<Postmortem>(() => plain(initial));
  const [base, setBase] = useState<Postmortem>(() => plain(initial)); // the saved version these edits start from
  const [version, setVersion] = useState(initial.version);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [conflict, setConflict] = useState<{ result: MergeResult; theirs: Stored } | null>(null);
  const [services, setServices] = useState(catalog);
  const hydrated = useHydrated();
  const latest = useRef({ pm, base, version, dirty });
  latest.current = { pm, base, version, dirty };
  const draft = useDraftBackup(initial.slug, version, pm, dirty);
  useLeaveGuard(() => latest.current.dirty);

  const edit = useCallback((update: (p: Postmortem) => Postmortem) => {
    setPm(update);
    setDirty(true);
  }, []);

  const fail = useCallback((problems: FieldProblem[]) => {
    setStatus({ kind: "error", problems });
    const first = problems.find((p) => p.path);
    // After React has drawn the messages, so the field is marked when it gets focus.
    if (first) requestAnimationFrame(() => focusField(first.path));
  }, []);

  const save = useCallback(async (source: Postmortem, baseVersion: number, baseSnapshot: Postmortem) => {
    const payload = dropBlankRows(source);
    const local = checkForSave(payload);
    if (local.length) return fail(local);
    setStatus({ kind: "saving" });
    let res: Response;
    try {
      res = await fetch(`/api/incidents/${encodeURIComponent(initial.slug)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...payload, version: baseVersion }),
      });
    } catch {
      return fail([{ path: "", text: "Could not reach the server; your changes are kept in this browser. Try again." }]);
    }
    const body = await res.json().catch(() => ({ problems: [`The server answered ${res.status} without saying why`] }));
    if (res.ok) {
      const saved = plain(body);
      setBase(saved);
      setVersion(body.version);
      setConflict(null);
      // Keep anything typed while the save was in flight; otherwise adopt the server's copy.
      if (latest.current.pm === source) {
        setPm(saved);
        setDirty(false);
        draft.clear();
      }
      setStatus({ kind: "saved", unlisted: body.unlistedServices ?? [] });
      if (saved.slug !== initial.slug) window.location.replace(`/incidents/${saved.slug}/edit`);
    } else if (res.status === 409 && body.current) {
      const theirs = body.current as Stored;
      setConflict({ result: mergePostmortems(baseSnapshot, payload, plain(theirs)), theirs });
      setStatus({ kind: "idle" });
    } else {
      const problems: string[] = body.problems ?? [body.error ?? `The server answered ${res.status}`];
      fail(problems.map((p) => {
        const words = serverProblemInWords(p, payload);
        return { path: words.path ?? "", text: words.text };
      }));
    }
  }, [initial.slug, draft, fail]);

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
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
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

  const errors = useMemo(() => new Map(status.kind === "error" ? status.problems.filter((p) => p.path).map((p) => [p.path, p.text]) : []),
    [status]);
  const adder = useMemo(() => ({
    groups: [...new Set(services.map((s) => s.group ?? "").filter(Boolean))],
    add: async (s: Required<ServiceOption>) => {
      const problem = await addServiceToCatalog(s);
      if (!problem) setServices((list) => (list.some((x) => x.slug === s.slug) ? list : [...list, s]));
      return problem;
    },
  }), [services]);

  const message = status.kind === "saving" ? "Saving…"
    : status.kind === "error" ? `Not saved: ${status.problems[0]?.text ?? "the server refused it"}${status.problems.length > 1 ? ` (and ${status.problems.length - 1} more)` : ""}`
    : dirty ? "Unsaved changes"
    : status.kind === "saved" ? `Saved version ${version}`
    : "No changes";
  const unlisted = status.kind === "saved" ? status.unlisted.filter((u) => !services.some((s) => s.slug === u.slug)) : [];

  return (
    <div className="editor">
      <div className={`save-bar${status.kind === "error" ? " failed" : ""}`} role="region" aria-label="Save">
        <strong>Version {version}</strong>
        <span className={status.kind === "error" ? "save-message error-text" : "save-message muted"} role={status.kind === "error" ? "alert" : "status"}>{message}</span>
        <button type="button" onClick={saveNow} disabled={!hydrated || status.kind === "saving"}>Save</button>
        <a href={`/incidents/${initial.slug}`}>View</a>
        <a href={`/incidents/${initial.slug}/history`}>History</a>
        {status.kind === "error" && status.problems.length > 1 && (
          <ul className="save-problems" aria-label="What to fix">
            {status.problems.map((p, i) => (
              <li key={i}>{p.path ? <button type="button" className="link" onClick={() => focusField(p.path)}>{p.text}</button> : p.text}</li>
            ))}
          </ul>
        )}
      </div>
      {unlisted.length > 0 && (
        <div className="panel notice" role="note">
          Saved with services the catalog does not list yet: {unlisted.map((u) => u.message).join("; ")}.
          Add them from where they are typed; the postmortem cannot be published as final until they are in the catalog.
        </div>
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
      <CatalogAdder.Provider value={adder}>
        <FieldErrors.Provider value={errors}>
          <UntilHydrated><EditorSections pm={pm} edit={edit} services={services} /></UntilHydrated>
        </FieldErrors.Provider>
      </CatalogAdder.Provider>
    </div>
  );
}
