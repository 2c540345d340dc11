import { MILESTONES, MILESTONE_LABELS, type Postmortem } from "@/lib/model";
import { formatInZone } from "@/lib/time/zone";

export function Milestones({ pm }: { pm: Postmortem }) {
  return (
    <section className="panel" aria-labelledby="milestones-h">
      <h2 id="milestones-h">Milestones</h2>
      <table>
        <tbody>
          {MILESTONES.map((m) => (
            <tr key={m}>
              <th scope="row">{MILESTONE_LABELS[m]}</th>
              <td className="mono">{pm.milestones[m] ? formatInZone(pm.milestones[m]!, pm.timeZone) : <span className="muted">not set</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
