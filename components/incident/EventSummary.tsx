import type { TimelineEvent } from "@/lib/model";

/** One timeline event as read: its time in the chosen zone, then kind, actor, text and services. */
export function EventSummary({ event, time, abbr, date }: { event: TimelineEvent; time: string; abbr: string; date: string }) {
  return (
    <>
      <time dateTime={event.at}>{time} <span className="muted">{abbr}</span><span className="date">{date}</span></time>
      <div>
        <span className="kind">{event.kind.replace(/_/g, " ")}</span>
        {event.actor && <strong>{event.actor}: </strong>}
        <span className="text">{event.text}</span>
        {event.services.length > 0 && <div className="svc">{event.services.join(", ")}</div>}
      </div>
    </>
  );
}
