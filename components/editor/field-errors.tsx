"use client";
import { cloneElement, createContext, useContext, useId, type ReactElement } from "react";

/** The problems of the last failed save, by field path ("actionItems.4.title"). */
export const FieldErrors = createContext<ReadonlyMap<string, string>>(new Map());

export function useFieldError(path: string | undefined): string | undefined {
  const errors = useContext(FieldErrors);
  return path ? errors.get(path) : undefined;
}

/** A labelled control that carries its field path, shows its own problem under it, and is marked invalid. */
export function Field({ path, label, className, children }: {
  path?: string;
  label: React.ReactNode;
  className?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const error = useFieldError(path);
  const id = useId();
  const control = cloneElement(children, {
    "data-field": path,
    "aria-invalid": error ? true : children.props["aria-invalid"],
    "aria-describedby": error ? `${id}-err` : children.props["aria-describedby"],
  });
  return (
    <div className={["field", className, error && "has-error"].filter(Boolean).join(" ")}>
      <label><span>{label}</span>{control}</label>
      {error && <span id={`${id}-err`} className="field-error">{error}</span>}
    </div>
  );
}

/** Moves focus to the field a problem is about (or the first field inside that row), scrolled clear of the save bar. */
export function focusField(path: string): boolean {
  const exact = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  const el = exact ?? document.querySelector<HTMLElement>(`[data-field^="${CSS.escape(path)}."]`);
  if (!el) return false;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
  return true;
}
