import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { getCatalog } from "@/db/services";
import { whatIf } from "@/lib/cascade/what-if";
import { MermaidDiagram } from "@/components/diagram/MermaidDiagram";
import { StatusPathWarnings } from "@/components/diagram/StatusPathWarnings";

export const metadata = { title: "What if it fails?" };

export default async function WhatIfPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requirePageUser(`/services/${slug}`);
  const catalog = getCatalog(getDb());
  const result = whatIf(catalog, slug);
  if (!result) notFound();
  const chain = (r: (typeof result.fails)[number]) => r.via.map((e) => `${e.nature} → ${catalog.services.find((s) => s.slug === e.from)?.name ?? e.from}`).join(", ");
  return (
    <>
      <StatusPathWarnings warnings={result.warnings} />
      <h1>What if {result.name} fails?</h1>
      <form className="actions" action="/services/pick" method="get">
        <label>Pick another service{" "}
          <select name="slug" defaultValue={slug}>{catalog.services.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}</select>
        </label>
        <button type="submit" className="small">Show blast radius</button>
        <Link href="/services">Back to the catalog</Link>
      </form>
      <div className="grid">
        <section className="panel" aria-labelledby="fails-h">
          <h2 id="fails-h">Fails with it ({result.fails.length})</h2>
          <p className="muted">Reached through hard dependencies only.</p>
          <ul>{result.fails.map((r) => <li key={r.slug}><Link href={`/services/${r.slug}`}>{r.name}</Link> <span className="muted">via {chain(r)}</span></li>)}</ul>
        </section>
        <section className="panel" aria-labelledby="risk-h">
          <h2 id="risk-h">At risk ({result.atRisk.length})</h2>
          <p className="muted">Reached through a soft or best-effort link: these fail if that link turns out harder than designed.</p>
          <ul>{result.atRisk.map((r) => <li key={r.slug}><Link href={`/services/${r.slug}`}>{r.name}</Link> <span className="muted">via {chain(r)}</span></li>)}</ul>
        </section>
      </div>
      <section className="panel"><h2>Blast radius</h2>
        <MermaidDiagram source={result.flowchart} title={`Blast radius of ${result.name}`} fileName={`${slug}-blast-radius`} />
      </section>
    </>
  );
}
