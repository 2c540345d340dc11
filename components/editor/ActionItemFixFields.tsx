"use client";
import type { ActionItem, Cause } from "@/lib/model";
import { Field } from "./field-errors";

const KIND: Record<Cause["kind"], string> = { trigger: "Trigger", root_cause: "Root cause", contributing: "Contributing" };

/** Which cause an action item addresses (so a later incident with the same tag on the same service shows whether it held), and when it was closed. */
export function ActionItemFixFields({ item, index, causes, update }: { item: ActionItem; index: number; causes: Cause[]; update: (patch: Partial<ActionItem>) => void }) {
  const closable = item.status === "done" || item.status === "wont_do";
  return (
    <>
      <Field path={`actionItems.${index}.addresses`} label="Addresses cause" className="wide">
        <select value={item.addresses ?? ""} onChange={(e) => update({ addresses: e.target.value === "" ? null : Number(e.target.value) })}>
          <option value="">none named</option>
          {causes.map((c, n) => (
            <option key={n} value={n}>{`${KIND[c.kind]} ${n + 1}: ${c.text.slice(0, 60) || "(no text yet)"}${c.tags.length ? ` [${c.tags.join(", ")}]` : ""}`}</option>
          ))}
        </select>
      </Field>
      {closable && (
        <Field path={`actionItems.${index}.closed`} label="Closed on">
          <input type="date" value={item.closed ?? ""} onChange={(e) => update({ closed: e.target.value || null })} />
        </Field>
      )}
    </>
  );
}
