import Link from "next/link";

/**
 * Customers get a postmortem's customer version, never the internal document: it is written, checked
 * for disclosures, reviewed and published from its own page.
 */
export function LinkPostmortemForm({ postmortems }: { postmortems: { slug: string; title: string }[] }) {
  return (
    <>
      <p>A postmortem reaches the status page through its customer version: generate it from the postmortem, fix what the disclosure check finds, have it approved, then publish it there.</p>
      {postmortems.length > 0
        ? <ul className="list">{postmortems.map((p) => <li key={p.slug}><Link href={`/incidents/${p.slug}/public`}>{p.title}: customer version</Link></li>)}</ul>
        : <p className="muted">No postmortem is published in the workbench yet.</p>}
    </>
  );
}
