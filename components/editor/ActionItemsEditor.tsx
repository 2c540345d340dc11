"use client";
import { memo } from "react";
import { ACTION_STATUSES, ACTION_TYPES, PRIORITIES, type ActionItem, type Cause } from "@/lib/model";
import { ActionItemFixFields } from "./ActionItemFixFields";
import { Field } from "./field-errors";
import { ListSection } from "./ListSection";

function Select<T extends string>({ label, value, options, onChange, path }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void; path: string }) {
  return (
    <Field path={path} label={label}>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o} value={o}>{o.replace(/_/g, " ")}</option>)}
      </select>
    </Field>
  );
}

export const ActionItemsEditor = memo(function ActionItemsEditor({ items, onChange, causes = [] }: { items: ActionItem[]; onChange: (a: ActionItem[]) => void; causes?: Cause[] }) {
  return (
    <ListSection title="Action items" itemName="action item" addLabel="Add action item" items={items} onChange={onChange}
      hint="Start each title with a verb (Add, Move, Alarm on…) so it reads as something someone will do."
      blank={(): ActionItem => ({ title: "", type: "prevent", priority: "P2", owner: "", due: null, status: "open", tracker: "", closed: null, addresses: null })}
      render={(a, update, i) => (
        <div className="row-fields">
          <Field path={`actionItems.${i}.title`} label="Action" className="wide">
            <input value={a.title} placeholder="Add an alarm on thread count per server" onChange={(e) => update({ title: e.target.value })} />
          </Field>
          <Select path={`actionItems.${i}.type`} label="Type" value={a.type} options={ACTION_TYPES} onChange={(type) => update({ type })} />
          <Select path={`actionItems.${i}.priority`} label="Priority" value={a.priority} options={PRIORITIES} onChange={(priority) => update({ priority })} />
          <Field path={`actionItems.${i}.owner`} label="Owner"><input value={a.owner} onChange={(e) => update({ owner: e.target.value })} /></Field>
          <Field path={`actionItems.${i}.due`} label="Due"><input type="date" value={a.due ?? ""} onChange={(e) => update({ due: e.target.value || null })} /></Field>
          <Select path={`actionItems.${i}.status`} label="Status" value={a.status} options={ACTION_STATUSES} onChange={(status) => update({ status })} />
          <ActionItemFixFields item={a} index={i} causes={causes} update={update} />
          <Field path={`actionItems.${i}.tracker`} label="Tracker link" className="wide"><input value={a.tracker} placeholder="https://…" onChange={(e) => update({ tracker: e.target.value })} /></Field>
        </div>
      )} />
  );
});
