import { hasRole, requirePageUser } from "@/auth";
import { Forbidden } from "@/components/Forbidden";
import { ImportForm } from "@/components/ImportForm";

export const metadata = { title: "Import postmortems" };

export default async function ImportPage() {
  const user = await requirePageUser("/incidents/import");
  if (!hasRole(user, "editor")) return <Forbidden role="editor" back="/incidents" />;
  return (
    <section className="panel">
      <h1>Import postmortems</h1>
      <p className="muted">Markdown in the usual template shapes: Summary, Impact, Root Causes, Trigger, Action Items, Lessons Learned,
        Timeline… Heading names, levels and time formats may vary. Bring one file, several, or a whole archive; you see what was
        recognised and what was adjusted before anything is saved. Nothing is dropped: what does not fit a field is kept under
        Supporting information. Every import is a draft, to go through review here. Importing the same file again updates the postmortem it made. From a terminal: <code>npm run import -- DIR</code>.</p>
      <ImportForm canKeepStatus={hasRole(user, "admin")} />
    </section>
  );
}
