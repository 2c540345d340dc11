"use client";
import { useState } from "react";
import { chooseTheirs, type MergeResult } from "@/lib/merge";
import type { Postmortem } from "@/lib/model";

const show = (v: unknown) => (v === undefined || v === null || v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v, null, 2));

/** Someone saved while you were editing: show both sides, combine what does not overlap, let the person choose the rest. */
export function ConflictPanel({ result, theirVersion, onSave, onDiscardMine }: {
  result: MergeResult;
  theirVersion: number;
  onSave: (merged: Postmortem) => void;
  onDiscardMine: () => void;
}) {
  const [takeTheirs, setTakeTheirs] = useState<Record<string, boolean>>({});
  const final = result.conflicts.reduce((pm, c) => (takeTheirs[c.field] ? chooseTheirs(pm, c) : pm), result.merged);
  return (
    <section className="panel conflict" role="alertdialog" aria-labelledby="conflict-h">
      <h2 id="conflict-h">Someone else saved version {theirVersion} while you were editing</h2>
      <p>Nothing has been overwritten. {result.fromTheirs.length > 0
        ? <>Their changes to <strong>{result.fromTheirs.join(", ")}</strong> have been combined with yours.</>
        : "Their save does not touch anything you changed."}</p>
      {result.conflicts.length > 0 && <p>You both changed these; choose which to keep:</p>}
      {result.conflicts.map((c) => (
        <fieldset key={c.field} className="conflict-field">
          <legend>{c.field}</legend>
          <div className="grid">
            <label className="choice"><input type="radio" name={c.field} checked={!takeTheirs[c.field]}
              onChange={() => setTakeTheirs({ ...takeTheirs, [c.field]: false })} /> Keep yours<pre>{show(c.mine)}</pre></label>
            <label className="choice"><input type="radio" name={c.field} checked={!!takeTheirs[c.field]}
              onChange={() => setTakeTheirs({ ...takeTheirs, [c.field]: true })} /> Take theirs<pre>{show(c.theirs)}</pre></label>
          </div>
        </fieldset>
      ))}
      <div className="row-actions">
        <button type="button" onClick={() => onSave(final)}>Save combined version</button>
        <button type="button" className="secondary" onClick={onDiscardMine}>Drop my changes, load theirs</button>
      </div>
    </section>
  );
}
