"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Postmortem } from "@/lib/model";

export interface Draft {
  version: number;
  pm: Postmortem;
  at: string;
}

/** Keeps unsaved edits in this browser, so a closed tab or a crash loses nothing. */
export function useDraftBackup(slug: string, version: number, pm: Postmortem, dirty: boolean) {
  const key = `sitrep:draft:${slug}`;
  const [found, setFound] = useState<Draft | null>(null);
  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw) setFound(JSON.parse(raw) as Draft);
    } catch {
      /* storage unavailable or corrupt: nothing to offer */
    }
  }, [key]);
  useEffect(() => {
    if (!dirty) return;
    const t = setTimeout(() => {
      try {
        localStorage.setItem(key, JSON.stringify({ version, pm, at: new Date().toISOString() }));
      } catch {
        /* quota or privacy mode: the beforeunload guard still applies */
      }
    }, 800);
    return () => clearTimeout(t);
  }, [key, version, pm, dirty]);
  const clear = useCallback(() => {
    localStorage.removeItem(key);
    setFound(null);
  }, [key]);
  // Stable between renders, so callers can list it in their hooks' dependencies.
  return useMemo(() => ({ found, clear }), [found, clear]);
}
