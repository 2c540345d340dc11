import { hasRole, requirePageUser } from "@/auth";
import { Forbidden } from "@/components/Forbidden";
import { ImportForm } from "@/components/ImportForm";

export const metadata = { title: "Import a postmortem" };

export default async function ImportPage() {
  const user = await requirePageUser("/incidents/import");
  if (!hasRole(user, "editor")) return <Forbidden role="editor" back="/incidents" />;
  return (
    <section className="panel">
      <h1>Import a postmortem</h1>
      <p className="muted">Markdown in the usual template shape: Summary, Impact, Root Causes, Trigger, Action Items, Lessons Learned,
        Timeline… Heading names and levels may vary; anything that cannot be mapped is kept under Supporting information.</p>
      <ImportForm />
    </section>
  );
}
