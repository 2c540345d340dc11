// Test helper: a folder nobody may write to, not even root (chattr +i), for the fault tests.
import { execFileSync } from "node:child_process";

/** Runs fn with `path` made immutable, when this machine allows it; otherwise skips the test. */
export function immutable(t, path, fn) {
  try {
    execFileSync("chattr", ["+i", path], { stdio: "ignore" });
  } catch {
    t.skip("chattr +i is not available here (needs root on ext4/xfs)");
    return null;
  }
  return Promise.resolve().then(fn).finally(() => execFileSync("chattr", ["-i", path]));
}
