import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { PublicVersionEditor } from "@/components/public/PublicVersionEditor";
import { PublishPublicForm } from "@/components/public/PublishPublicForm";
import { publicPostmortemView } from "@/server/public-postmortem";

export const metadata = { title: "Customer version" };

export default async function PublicVersionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/incidents/${slug}/public`);
  const db = getDb();
  const pm = getIncident(db, slug);
  if (!pm) notFound();
  const view = publicPostmortemView(db, slug);
  const pub = view.public;
  return (
    <article className="public-version">
      <header className="panel">
        <h1>Customer version</h1>
        <p className="muted">Of <Link href={`/incidents/${slug}`}>{pm.title}</Link> · times for customers in {view.pageZone}
          {pub && <> · version {pub.version}</>}
          {pub?.publishedVersion && <> · version {pub.publishedVersion} published by {pub.publishedBy} on {pub.publishedAt?.slice(0, 16).replace("T", " ")} UTC</>}</p>
      </header>
      <PublicVersionEditor slug={slug} canEdit={hasRole(user, "editor")} initial={pub ? { title: pub.title, body: pub.body, version: pub.version } : null}
        findings={view.findings} actionItems={pm.actionItems.map((a) => ({ title: a.title, type: a.type }))} />
      {pub && (
        <section className="panel" aria-labelledby="preview-h">
          <h2 id="preview-h">Preview</h2>
          <p>The saved version {pub.version}, exactly as the status page will show it (the same renderer and page).</p>
          <p><a className="button secondary" href={`/incidents/${slug}/public/preview`} target="_blank" rel="noopener">Open the preview</a></p>
        </section>
      )}
      <section className="panel" aria-labelledby="publish-h">
        <h2 id="publish-h">Publish to the status page</h2>
        {view.blockers.length > 0 && (
          <>
            <p>Before this can be published:</p>
            <ul className="blockers">{view.blockers.map((b) => <li key={b}>{b}</li>)}</ul>
          </>
        )}
        {hasRole(user, "responder")
          ? <PublishPublicForm slug={slug} version={pub?.version ?? 0} ready={view.blockers.length === 0} incidents={view.statusIncidents} />
          : <p className="muted">Responders publish the customer version once it is approved.</p>}
      </section>
      {view.revisions.length > 0 && (
        <section className="panel" aria-labelledby="revisions-h">
          <h2 id="revisions-h">Revisions of the customer version</h2>
          <ol className="list" reversed>{view.revisions.map((r) => <li key={r.version}>Version {r.version} by {r.author}, {r.at.slice(0, 16).replace("T", " ")} UTC</li>)}</ol>
        </section>
      )}
    </article>
  );
}
