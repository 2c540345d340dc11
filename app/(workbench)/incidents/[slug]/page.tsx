import { notFound } from "next/navigation";
import Link from "next/link";
import { hasRole, requirePageUser } from "@/auth";
import { listTransitions } from "@/db/review";
import { ReviewButtons } from "@/components/RevisionActions";
import { getCatalog } from "@/db/services";
import { incidentCascade } from "@/lib/cascade";
import { CascadeSection } from "@/components/diagram/CascadeSection";
import { StatusPathWarnings } from "@/components/diagram/StatusPathWarnings";
import { getDb } from "@/db/connection";
import { getIncident } from "@/db/incidents";
import { Markdown } from "@/components/Markdown";
import { CausesPanel } from "@/components/incident/CausesPanel";
import { RecurrencePanel } from "@/components/incident/RecurrencePanel";
import { recurrencesOf } from "@/server/insights";
import { MetricsPanel } from "@/components/incident/MetricsPanel";
import { Milestones } from "@/components/incident/Milestones";
import { TimelineView } from "@/components/incident/TimelineView";
import { ImpactTable, ActionItemsTable, LessonsPanel } from "@/components/incident/Tables";
import { ReviewPanel } from "@/components/review/ReviewPanel";
import { reviewPanelData } from "@/server/review-view";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ neighbours?: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  return { title: slug };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const hideNeighbours = (await searchParams).neighbours === "hide";
  const user = await requirePageUser(`/incidents/${slug}`);
  const pm = getIncident(getDb(), slug);
  if (!pm) notFound();
  const canEdit = hasRole(user, "editor");
  const lastMove = listTransitions(getDb(), slug).at(-1);
  const cascade = incidentCascade(getCatalog(getDb()), pm, hideNeighbours);
  const label = (s: string) => s.replace(/_/g, " ");
  return (
    <article>
      {/* Only people who can publish can act on it; for everyone else it would be alarm without a lever. */}
      {hasRole(user, "responder") && <StatusPathWarnings warnings={cascade.model.warnings} />}
      <header className="panel">
        <h1>{pm.title}</h1>
        <div className="meta">
          <span className={`badge sev-${pm.severity}`}>{pm.severity}</span>
          <span className="badge">Incident: {label(pm.status)}</span>
          <span className="badge">Postmortem: {label(pm.postmortemStatus)}</span>
          <span className="muted">Times in {pm.timeZone} · version {pm.version}</span>
        </div>
        {lastMove && <p className="muted">Moved to {label(lastMove.to)} by {lastMove.actor} on {lastMove.at.slice(0, 16).replace("T", " ")} UTC</p>}
        <nav className="actions" aria-label="Postmortem actions">
          {canEdit && <Link className="button" href={`/incidents/${slug}/edit`}>Edit</Link>}
          <Link href={`/incidents/${slug}/history`}>History</Link>
          <a href={`/api/incidents/${slug}/export.md`} download>Export Markdown</a>
          <Link href={`/incidents/${slug}/public`}>Customer version</Link>
          {canEdit && <ReviewButtons slug={slug} status={pm.postmortemStatus} version={pm.version} />}
        </nav>
      </header>
      <div className="grid">
        <section className="panel" aria-labelledby="summary-h">
          <h2 id="summary-h">Summary</h2>
          <Markdown source={pm.summary} />
        </section>
        <MetricsPanel milestones={pm.milestones} />
      </div>
      <section className="panel" aria-labelledby="impact-h">
        <h2 id="impact-h">Impact</h2>
        <Markdown source={pm.impact} />
        <ImpactTable windows={pm.impactWindows} timeZone={pm.timeZone} />
      </section>
      {cascade.model.nodes.some((n) => n.condition) ? (
        <CascadeSection slug={slug} model={cascade.model} flowchart={cascade.flowchart} gantt={cascade.gantt} hideNeighbours={hideNeighbours} />
      ) : (
        <section className="panel" aria-labelledby="cascade-h">
          <h2 id="cascade-h">Cascade</h2>
          <p className="muted">No impact window names a service in the catalog yet, so there is no cascade to draw.</p>
        </section>
      )}
      <CausesPanel causes={pm.causes} timeZone={pm.timeZone} />
      <RecurrencePanel {...recurrencesOf(pm)} />
      <div className="grid">
        <section className="panel" aria-labelledby="resolution-h">
          <h2 id="resolution-h">Resolution</h2>
          <Markdown source={pm.resolution} />
        </section>
        <section className="panel" aria-labelledby="detection-h">
          <h2 id="detection-h">Detection</h2>
          <Markdown source={pm.detection} />
        </section>
      </div>
      <Milestones pm={pm} />
      <section className="panel" aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <TimelineView events={pm.timeline} timeZone={pm.timeZone} />
      </section>
      <ActionItemsTable items={pm.actionItems} />
      <LessonsPanel lessons={pm.lessons} />
      <ReviewPanel slug={slug} me={user.email} version={pm.version} canRequest={canEdit} {...reviewPanelData(getDb(), pm, canEdit)} />
      {pm.supporting.trim() && (
        <section className="panel" aria-labelledby="supporting-h">
          <h2 id="supporting-h">Supporting information</h2>
          <Markdown source={pm.supporting} />
        </section>
      )}
    </article>
  );
}
