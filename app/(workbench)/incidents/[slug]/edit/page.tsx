import { notFound } from "next/navigation";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { getCatalog } from "@/db/services";
import { PostmortemEditor } from "@/components/editor/PostmortemEditor";
import { CauseTagsProvider } from "@/components/editor/cause-tags-context";
import { listCauseTags } from "@/db/cause-tags";
import { Forbidden } from "@/components/Forbidden";

export const metadata = { title: "Edit postmortem" };

export default async function EditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/incidents/${slug}/edit`);
  if (!hasRole(user, "editor")) return <Forbidden role="editor" back={`/incidents/${slug}`} />;
  const db = getDb();
  const pm = getIncident(db, slug);
  if (!pm) notFound();
  const services = getCatalog(db).services.map((s) => ({ slug: s.slug, name: s.name, group: s.group }));
  return (
    <>
      <h1>Edit: {pm.title}</h1>
      <CauseTagsProvider tags={listCauseTags(db)}><PostmortemEditor initial={pm} services={services} /></CauseTagsProvider>
    </>
  );
}
