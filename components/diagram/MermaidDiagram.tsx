"use client";
import { useHydrated } from "../ClientForm";
import { useEffect, useId, useRef, useState } from "react";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Draws mermaid source as SVG. Mermaid (several hundred KB) is imported only once the diagram comes
 * near the viewport, so a page is readable before it arrives and pages whose diagrams are never
 * scrolled to never download it; it runs with securityLevel "strict" (labels are also escaped in lib/cascade).
 */
export function MermaidDiagram({ source, title, fileName }: { source: string; title: string; fileName: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const id = useId().replace(/[^a-zA-Z0-9]/g, "");
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const [near, setNear] = useState(false);

  useEffect(() => {
    const el = holder.current;
    if (!el || typeof IntersectionObserver === "undefined") return setNear(true);
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        seen.disconnect();
      }
    }, { rootMargin: "200px" });
    seen.observe(el);
    return () => seen.disconnect();
  }, []);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    (async () => {
      try {
        const mermaid = (await import("mermaid")).default;
        const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default", gantt: { useWidth: 1100, leftPadding: 210 } }); // room for service names left of the bars
        const result = await mermaid.render(`m${id}`, source);
        if (cancelled || !holder.current) return;
        holder.current.innerHTML = result.svg;
        // Never shrink a wide diagram below a readable size: its box scrolls sideways instead.
        const drawn = holder.current.querySelector("svg");
        const natural = parseFloat(drawn?.style.maxWidth ?? "") || drawn?.viewBox.baseVal?.width || 0;
        if (drawn && natural) drawn.style.minWidth = `${Math.min(natural, 720)}px`;
        setSvg(result.svg);
      } catch (err) {
        if (!cancelled) setError((err as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source, id, near]);

  return (
    <figure className="diagram">
      <div className="diagram-scroll" role="region" aria-label={`${title} (scrolls sideways on small screens)`} tabIndex={0}>
        <div ref={holder} className="diagram-svg" role="img" aria-label={title} data-rendered={svg ? "true" : "false"} />
      </div>
      {!svg && !error && <p className="muted">{near ? "Drawing the diagram…" : "The diagram is drawn when it scrolls into view."}</p>}
      {error && <p className="field-error" role="alert">The diagram could not be drawn: {error}</p>}
      <figcaption className="actions">
        <button type="button" className="secondary small" disabled={!hydrated} onClick={() => download(`${fileName}.mmd`, "text/plain", source)}>Download .mmd</button>
        <button type="button" className="secondary small" disabled={!svg} onClick={() => svg && download(`${fileName}.svg`, "image/svg+xml", svg)}>Download .svg</button>
        <details><summary>Mermaid source</summary><pre className="mono">{source}</pre></details>
      </figcaption>
    </figure>
  );
}
