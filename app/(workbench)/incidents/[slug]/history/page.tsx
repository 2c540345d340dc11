import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { getRevision, listRevisions } from "@/db/revisions";
import { RestoreButton } from "@/components/RevisionActions";
import { diffLines } from "@/lib/diff";
import { exportPostmortem } from "@/lib/markdown/export";

export const metadata = { title: "History" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ a?: string; b?: string }> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(`/incidents/${slug}/history`);
  const db = getDb();
  const current = getIncident(db, slug);
  if (!current) notFound();
  const revisions = listRevisions(db, slug);
  const q = await searchParams;
  const b = Number(q.b ?? current.version);
  const a = Number(q.a ?? Math.max(1, b - 1));
  const [before, after] = [getRevision(db, slug, a), getRevision(db, slug, b)];
  const diff = before && after ? diffLines(exportPostmortem(before), exportPostmortem(after)).filter((l, i, all) =>
    l.op !== "same" || all.slice(Math.max(0, i - 2), i + 3).some((n) => n.op !== "same")) : [];
  const canEdit = hasRole(user, "editor");
  return (
    <>
      <h1>History: <Link href={`/incidents/${slug}`}>{current.title}</Link></h1>
      <section className="panel table-wrap" aria-label="Versions" tabIndex={0}>
        <form method="get" className="meta">
          <label>Compare version <input name="a" type="number" min={1} max={current.version} defaultValue={a} /></label>
          <label>with <input name="b" type="number" min={1} max={current.version} defaultValue={b} /></label>
          <button type="submit" className="small">Show difference</button>
        </form>
        <table>
          <thead><tr><th>Version</th><th>Saved</th><th>By</th><th>What changed</th><th><span className="visually-hidden">Restore</span></th></tr></thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.version}>
                <td>{r.version}{r.version === current.version && " (current)"}</td>
                <td className="mono">{r.createdAt.replace("T", " ").slice(0, 19)} UTC</td>
                <td>{r.author}</td>
                <td>{r.summary}</td>
                <td>{canEdit && r.version !== current.version && <RestoreButton slug={slug} restore={r.version} current={current.version} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="diff-h">
        <h2 id="diff-h">Difference from version {a} to version {b}</h2>
        {!before || !after ? <p className="muted">Pick two versions that exist.</p> : diff.length === 0 ? <p className="muted">No difference.</p> : (
          <pre className="diff" tabIndex={0} aria-label={`Difference from version ${a} to version ${b}`}>{diff.map((l, i) => <span key={i} className={l.op}>{l.op === "add" ? "+ " : l.op === "del" ? "- " : "  "}{l.text}{"\n"}</span>)}</pre>
        )}
      </section>
    </>
  );
}
