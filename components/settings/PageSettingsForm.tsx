"use client";
import { useState } from "react";
import { ClientForm } from "../ClientForm";
import { call } from "../admin/api";

type Settings = { id: string; name: string; url: string; time_zone: string; description: string; support_url: string; privacy_url: string; logo: string; favicon: string; accent: string };

const TEXT_FIELDS: [keyof Settings, string, string?][] = [
  ["name", "Page name"], ["url", "Public address of the page", "url"], ["time_zone", "Time zone (e.g. Europe/Berlin)"],
  ["description", "Short description"], ["support_url", "Support link", "url"], ["privacy_url", "Privacy link", "url"],
];

/** Reads a chosen image as a data URI, which is how the page carries it (no second request). */
function asDataUri(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** The public status page's settings; saving publishes them to the page, its JSON and feeds. */
export function PageSettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const set = (k: keyof Settings, v: string) => setSettings({ ...settings, [k]: v });
  return (
    <section className="panel" aria-labelledby="page-settings-h">
      <h2 id="page-settings-h">Status page</h2>
      <p className="muted">How the public page at <a href="/status/">/status/</a> introduces itself. Page id: <code>{settings.id}</code>. Saving publishes at once.</p>
      <ClientForm aria-label="Status page settings" onSubmit={async (e) => {
        e.preventDefault();
        const { id: _id, ...body } = settings;
        try {
          const saved = await call<Settings & { changes: string[] }>("/api/status/page", "PUT", body);
          setSettings(saved);
          setResult({ ok: true, lines: saved.changes.length ? saved.changes.map((c) => `Published: ${c}`) : ["Nothing changed."] });
        } catch (err) { setResult({ ok: false, lines: [(err as Error).message] }); }
      }}>
        <div className="row-fields">
          {TEXT_FIELDS.map(([k, labelText, type]) => (
            <label key={k}><span>{labelText}</span><input type={type ?? "text"} value={settings[k]} onChange={(e) => set(k, e.target.value)} required={k === "name" || k === "url"} /></label>
          ))}
          <label><span>Accent colour</span><input type="color" value={settings.accent || "#2456a6"} onChange={(e) => set("accent", e.target.value)} /></label>
          {(["logo", "favicon"] as const).map((k) => (
            <label key={k}><span>{k === "logo" ? "Logo (PNG, SVG, JPEG or WebP, up to about 6 KB)" : "Favicon (up to about 2 KB)"}</span>
              <input type="file" accept="image/png,image/svg+xml,image/jpeg,image/webp" onChange={async (e) => { const f = e.target.files?.[0]; if (f) set(k, await asDataUri(f)); }} />
              {settings[k] && <img src={settings[k]} alt="" height={32} />}
            </label>
          ))}
        </div>
        <div className="row-actions">
          <button type="submit">Save and publish</button>
          {settings.logo && <button type="button" className="secondary" onClick={() => set("logo", "")}>Remove logo</button>}
        </div>
      </ClientForm>
      {result && <div className={result.ok ? "notice" : "error"} role={result.ok ? "status" : "alert"}><ul>{result.lines.map((l) => <li key={l}>{l}</li>)}</ul></div>}
    </section>
  );
}
