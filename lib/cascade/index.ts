import type { Catalog } from "../catalog";
import type { Postmortem } from "../model";
import { impactGantt } from "./gantt";
import { ServiceGraph } from "./graph";
import { cascadeFlowchart } from "./mermaid";
import { cascadeModel } from "./model";

/** Everything an incident's cascade view needs, from the catalog and the postmortem alone. */
export function incidentCascade(catalog: Catalog, pm: Pick<Postmortem, "impactWindows" | "timeZone" | "milestones">, hideNeighbours = false) {
  const graph = new ServiceGraph(catalog);
  const model = cascadeModel(graph, pm.impactWindows, pm.timeZone, hideNeighbours);
  return { graph, model, flowchart: cascadeFlowchart(model.nodes, model.edges), gantt: impactGantt(pm, (s) => graph.name(s)) };
}
