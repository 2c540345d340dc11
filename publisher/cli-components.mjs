// @ts-check
import { readState } from "./site.mjs";

/**
 * `components`: the page's components as the app's console and the API list them: id, name,
 * group, current status and description; `--json` prints them as the API's components.json does.
 * @param {import("./cli-commands.mjs").Ctx} c
 */
export async function components(c) {
  const state = readState(c.site);
  const list = [...state.components].sort((a, b) => a.position - b.position);
  if (c.flags.json) {
    const { components: shape } = await import("./api.mjs");
    c.io.print(JSON.stringify(shape(state).filter((x) => !x.group), null, 1));
    return 0;
  }
  if (!list.length) c.io.print("No components yet: mark services public in the app's catalog.");
  for (const comp of list) {
    const hidden = comp.only_show_if_degraded ? " (shown only when not operational)" : "";
    c.io.print(`${comp.id.padEnd(28)} ${comp.name}${comp.group_name ? ` [${comp.group_name}]` : ""}: ${comp.status.replace(/_/g, " ")}${hidden}`);
    if (comp.description) c.io.print(`${" ".repeat(29)}${comp.description}`);
  }
  return 0;
}
