"use client";
import { useEffect, useRef } from "react";

export const LEAVE_QUESTION = "You have unsaved changes. Leave this page without saving them?";

/**
 * Asks before leaving with unsaved changes: links anywhere on the page (the top navigation included, which
 * navigates without unloading) ask in place; closing or reloading the tab gets the browser's own question.
 */
export function useLeaveGuard(hasChanges: () => boolean) {
  const check = useRef(hasChanges);
  check.current = hasChanges;
  useEffect(() => {
    let confirmed = false;
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.pathname === location.pathname && to.search === location.search) return; // a jump within this page
      if (!check.current()) return;
      if (window.confirm(LEAVE_QUESTION)) {
        confirmed = true;
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!confirmed && check.current()) e.preventDefault();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, []);
}
