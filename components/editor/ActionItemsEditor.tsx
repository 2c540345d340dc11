"use client";
import { memo } from "react";
import { ACTION_STATUSES, ACTION_TYPES, PRIORITIES, type ActionItem } from "@/lib/model";
import { ListSection } from "./ListSection";

function Select<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void }) {
  return (
    <label><span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o} value={o}>{o.replace(/_/g, " ")}</option>)}
      </select>
    </label>
  );
}

export const ActionItemsEditor = memo(function ActionItemsEditor({ items, onChange }: { items: ActionItem[]; onChange: (a: ActionItem[]) => void }) {
  return (
    <ListSection title="Action items" addLabel="Add action item" items={items} onChange={onChange}
      hint="Start each title with a verb (Add, Move, Alarm on…) so it reads as something someone will do."
      blank={(): ActionItem => ({ title: "", type: "prevent", priority: "P2", owner: "", due: null, status: "open", tracker: "" })}
      render={(a, update) => (
        <div className="row-fields">
          <label className="wide"><span>Action</span>
            <input value={a.title} placeholder="Add an alarm on thread count per server" onChange={(e) => update({ title: e.target.value })} />
          </label>
          <Select label="Type" value={a.type} options={ACTION_TYPES} onChange={(type) => update({ type })} />
          <Select label="Priority" value={a.priority} options={PRIORITIES} onChange={(priority) => update({ priority })} />
          <label><span>Owner</span><input value={a.owner} onChange={(e) => update({ owner: e.target.value })} /></label>
          <label><span>Due</span><input type="date" value={a.due ?? ""} onChange={(e) => update({ due: e.target.value || null })} /></label>
          <Select label="Status" value={a.status} options={ACTION_STATUSES} onChange={(status) => update({ status })} />
          <label className="wide"><span>Tracker link</span><input value={a.tracker} placeholder="https://…" onChange={(e) => update({ tracker: e.target.value })} /></label>
        </div>
      )} />
  );
});
