import { CAUSE_KINDS, type Cause } from "@/lib/model";
import { utcToZoned } from "@/lib/time/zone";
import { Markdown } from "../Markdown";

const HEADINGS: Record<Cause["kind"], string> = {
  trigger: "Trigger",
  root_cause: "Root causes",
  contributing: "Contributing factors",
};

/** Trigger, root causes and contributing factors are kept apart: a trigger is not a root cause. */
export function CausesPanel({ causes, timeZone }: { causes: Cause[]; timeZone: string }) {
  return (
    <section className="panel" aria-labelledby="causes-h">
      <h2 id="causes-h">Causes</h2>
      <div className="causes">
        {CAUSE_KINDS.map((kind) => {
          const items = causes.filter((c) => c.kind === kind);
          return (
            <section key={kind} className={kind} aria-label={HEADINGS[kind]}>
              <h3>{HEADINGS[kind]}</h3>
              {items.length === 0 ? (
                <p className="muted">None recorded.</p>
              ) : (
                <ul>
                  {items.map((c, i) => (
                    <li key={i}>
                      <Markdown source={c.text} />
                      {c.services.length > 0 && <span className="svc muted">Services: {c.services.join(", ")}</span>}
                      {c.tags.length > 0 && <span className="svc muted"> Tags: {c.tags.join(", ")}</span>}
                      {c.events.length > 0 && (
                        <span className="svc muted"> Timeline:{" "}
                          {c.events.map((at) => <a key={at} href={`#t-${at}`}>{utcToZoned(at, timeZone).time}</a>).reduce<React.ReactNode[]>((acc, a, i) => (i ? [...acc, ", ", a] : [a]), [])}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
