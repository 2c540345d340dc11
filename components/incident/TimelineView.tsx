"use client";
import { memo, useEffect, useMemo, useState } from "react";
import type { TimelineEvent } from "@/lib/model";
import { EventSummary } from "./EventSummary";

type Choice = "incident" | "utc" | "viewer";

function formatter(zone: string) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
}

function parts(f: Intl.DateTimeFormat, iso: string) {
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(iso))) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, abbr: p.timeZoneName };
}

const Row = memo(function Row({ e, f, first }: { e: TimelineEvent; f: Intl.DateTimeFormat; first: boolean }) {
  const w = parts(f, e.at);
  return (
    <li data-at={e.at} id={first ? `t-${e.at}` : undefined}>
      <EventSummary event={e} {...w} />
    </li>
  );
});

/** The timeline in the incident's zone, with a switch to UTC and to the viewer's own zone. */
export function TimelineView({ events, timeZone }: { events: TimelineEvent[]; timeZone: string }) {
  const [choice, setChoice] = useState<Choice>("incident");
  const [viewerZone, setViewerZone] = useState<string | null>(null);
  useEffect(() => setViewerZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const zone = choice === "utc" ? "UTC" : choice === "viewer" && viewerZone ? viewerZone : timeZone;
  const f = useMemo(() => formatter(zone), [zone]);
  const options: [Choice, string][] = [
    ["incident", `Incident zone (${timeZone})`],
    ["utc", "UTC"],
    ["viewer", `Your zone${viewerZone ? ` (${viewerZone})` : ""}`],
  ];
  return (
    <>
      <fieldset className="zone-switch">
        <legend>Show times in</legend>
        {options.map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="tz" value={value} checked={choice === value} onChange={() => setChoice(value)} />
            {text}
          </label>
        ))}
      </fieldset>
      <ol className="timeline" aria-label={`Timeline, times in ${zone}`}>
        {events.map((e, i) => <Row key={i} e={e} f={f} first={i === 0 || events[i - 1].at !== e.at} />)}
      </ol>
    </>
  );
}
