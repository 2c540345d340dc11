"use client";

/** A titled list of editable items with add and remove; `render` draws one item's fields. */
export function ListSection<T>({ title, itemName = title.toLowerCase(), items, onChange, blank, render, addLabel, hint }: {
  title: string;
  /** One item, as a person says it: "action item". */
  itemName?: string;
  items: T[];
  onChange: (items: T[]) => void;
  blank: () => T;
  render: (item: T, update: (patch: Partial<T>) => void, index: number) => React.ReactNode;
  addLabel: string;
  hint?: string;
}) {
  const update = (i: number) => (patch: Partial<T>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <section className="list-section" aria-label={title}>
      <h3>{title}</h3>
      {hint && <p className="muted hint">{hint}</p>}
      {items.map((item, i) => (
        <div className="list-item" key={i}>
          {render(item, update(i), i)}
          <button type="button" className="secondary small" onClick={() => onChange(items.filter((_, j) => j !== i))}
            aria-label={`Remove ${itemName} ${i + 1}`}>Remove</button>
        </div>
      ))}
      <button type="button" className="secondary small" onClick={() => onChange([...items, blank()])}>{addLabel}</button>
    </section>
  );
}
