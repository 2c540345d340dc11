import { hasRole, requirePageUser } from "@/auth";
import { Forbidden } from "@/components/Forbidden";
import { NewIncidentForm } from "@/components/NewIncidentForm";

export const metadata = { title: "New postmortem" };

export default async function NewIncidentPage() {
  const user = await requirePageUser("/incidents/new");
  if (!hasRole(user, "editor")) return <Forbidden role="editor" back="/incidents" />;
  return (
    <section className="panel">
      <h1>New postmortem</h1>
      <p className="muted">Or <a href="/incidents/import">import one from Markdown</a>.</p>
      <NewIncidentForm defaultZone="UTC" />
    </section>
  );
}
