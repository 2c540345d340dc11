"use client";
import { useDeferredValue, useMemo } from "react";
import { renderMarkdown } from "@/lib/markdown/render";

/** Markdown with a live preview rendered by the same sanitising pipeline as the read view. */
export function MarkdownField({ label, value, onChange, rows = 6 }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  const deferred = useDeferredValue(value);
  const html = useMemo(() => renderMarkdown(deferred), [deferred]);
  return (
    <div className="md-field">
      <label>
        <span>{label}</span>
        <textarea value={value} rows={rows} onChange={(e) => onChange(e.target.value)} />
      </label>
      <div className="preview prose" aria-label={`${label} preview`} aria-live="off"
        dangerouslySetInnerHTML={{ __html: html || "<p class=\"muted\">Preview</p>" }} />
    </div>
  );
}
