"use client";
import { createContext, useContext } from "react";
import type { CauseTag } from "@/lib/cause-tags";

const CauseTags = createContext<CauseTag[]>([]);

/** The cause taxonomy, handed to the editor by its page (kept out of the editor's props so they stay as they were). */
export function CauseTagsProvider({ tags, children }: { tags: CauseTag[]; children: React.ReactNode }) {
  return <CauseTags.Provider value={tags}>{children}</CauseTags.Provider>;
}

export const useCauseTags = () => useContext(CauseTags);
