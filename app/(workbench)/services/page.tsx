import Link from "next/link";
import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { getCatalog } from "@/db/services";
import { ServiceGraph } from "@/lib/cascade/graph";
import { describeChain, statusPathChains } from "@/lib/cascade/status-path";
import { CatalogEditor } from "@/components/catalog/CatalogEditor";

export const metadata = { title: "Service catalog" };

export default async function ServicesPage() {
  const user = await requirePageUser("/services");
  const catalog = getCatalog(getDb());
  const graph = new ServiceGraph(catalog);
  const { chains, total } = statusPathChains(graph);
  const groups = [...new Set(catalog.services.map((s) => s.group || "Ungrouped"))];
  return (
    <>
      <h1>Service catalog</h1>
      <nav className="actions"><a href="/api/services?download" download="services.json">Export JSON</a></nav>
      <section className="panel status-chains" aria-labelledby="chains-h">
        <h2 id="chains-h">What the status-publishing path depends on</h2>
        <p className="muted">If any of these fails, the usual way of telling customers may fail with it. Practise the backup publisher: <code>node publisher/cli.mjs drill</code>.</p>
        {chains.length === 0 ? <p>No service is marked as part of the status-publishing path.</p> : (
          <ul>{chains.map((c) => <li key={`${c.service}-${c.dependency}`}>{describeChain(graph, c.service, c.chain)}</li>)}</ul>
        )}
        {total > chains.length && <p className="muted">The {chains.length} shortest of {total} chains are shown.</p>}
      </section>
      {groups.map((g) => (
        <section key={g} className="panel table-wrap" aria-label={g} tabIndex={0}>
          <h2>{g}</h2>
          <table>
            <thead><tr><th>Service</th><th>Kind</th><th>Depends on</th></tr></thead>
            <tbody>{catalog.services.filter((s) => (s.group || "Ungrouped") === g).map((s) => (
              <tr key={s.slug}>
                <td><Link href={`/services/${s.slug}`}>{s.name}</Link><div className="muted mono">{s.slug}</div><div className="muted">{s.description}</div></td>
                <td>{s.public ? "public component" : "internal"}{s.statusPath && <div><span className="badge partial">status path</span></div>}</td>
                <td><ul className="deps">{s.dependsOn.map((d) => <li key={d.service}><strong>{d.nature}</strong> on {graph.name(d.service)}{d.note && <span className="muted"> ({d.note})</span>}</li>)}</ul></td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      ))}
      {hasRole(user, "editor") && <CatalogEditor initial={catalog} />}
    </>
  );
}
