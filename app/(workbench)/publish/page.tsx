import { hasRole, requirePageUser } from "@/auth";
import { plainText } from "@/lib/markdown/plain";
import { getDb } from "@/db/connection";
import { listIncidents } from "@/db/incidents";
import { Forbidden } from "@/components/Forbidden";
import { BannerForm } from "@/components/publish/BannerForm";
import { MaintenanceForm } from "@/components/publish/MaintenanceForm";
import { UpdateForm } from "@/components/publish/UpdateForm";
import { LinkPostmortemForm } from "@/components/publish/LinkPostmortemForm";
import { readState } from "@/publisher/site.mjs";
import { isOpen } from "@/publisher/state.mjs";
import { siteDir } from "@/server/site-config";

export const metadata = { title: "Publish status" };

export default async function PublishPage() {
  const user = await requirePageUser("/publish");
  if (!hasRole(user, "responder")) return <Forbidden role="responder" back="/incidents" />;
  const state = readState(siteDir());
  const components = state.components.map((c) => ({ id: c.id, name: c.name, status: c.status }));
  const open = state.incidents.filter((i) => i.kind === "incident" && isOpen(i));
  const all = listIncidents(getDb());
  const postmortems = all.map((i) => ({ slug: i.slug, title: i.title }));
  const published = all.filter((i) => i.postmortemStatus === "published").map((i) => ({ slug: i.slug, title: i.title }));
  return (
    <>
      <h1>Publish status</h1>
      <p className="muted">Everything here goes to the public status page at <a href="/status/">/status/</a>, its JSON and its feeds.
        If this app or sign-in is down, publish with <code>node publisher/cli.mjs</code> instead.</p>
      {open.map((i) => (
        <section key={i.id} className="panel" aria-label={`Open incident: ${i.name}`}>
          <h2>{i.name} <span className="badge">{i.status}</span></h2>
          <p className="muted">Last update: {plainText(i.incident_updates[0]?.body ?? "", 140)}</p>
          <UpdateForm mode={{ kind: "update", id: i.id, status: i.status }} components={components} />
        </section>
      ))}
      <section className="panel" aria-labelledby="start-h">
        <h2 id="start-h">Start an incident</h2>
        <UpdateForm mode={{ kind: "start", postmortems }} components={components} />
      </section>
      <section className="panel" aria-labelledby="banner-h"><h2 id="banner-h">Site banner</h2><BannerForm current={state.banner} /></section>
      <section className="panel" aria-labelledby="link-h"><h2 id="link-h">Postmortems for customers</h2><LinkPostmortemForm postmortems={published} /></section>
      <section className="panel" aria-labelledby="maint-h"><h2 id="maint-h">Scheduled maintenance</h2><MaintenanceForm components={components} /></section>
    </>
  );
}
