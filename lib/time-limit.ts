import vm from "node:vm";

export class TimeLimitExceeded extends Error {}

/**
 * Runs a synchronous function, stopping it if it runs longer than `ms`. V8 interrupts the running
 * code (the same mechanism as vm's script timeout), so a pathological input costs at most `ms` of
 * the event loop instead of however long it would take. `fn` must not keep state that an
 * interruption could leave half-updated: parsers that build a fresh result per call are fine.
 */
export function withinTime<T>(ms: number, fn: () => T): T {
  const box: { value?: T } = {};
  try {
    vm.runInNewContext("run()", { run: () => { box.value = fn(); } }, { timeout: Math.max(1, Math.round(ms)) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") throw new TimeLimitExceeded(`took longer than ${ms} ms`);
    throw err;
  }
  return box.value as T;
}
