import type { Postmortem } from "./model";

type Status = Postmortem["postmortemStatus"];

/** The review workflow: draft -> in review -> published, with the way back when review finds gaps. */
const MOVES: Record<Status, Status[]> = {
  draft: ["in_review"],
  in_review: ["draft", "published"],
  published: ["draft"],
};

export function reviewProblem(from: Status, to: Status): string | null {
  if (MOVES[from].includes(to)) return null;
  return `to: a postmortem that is ${from.replace("_", " ")} can move to ${MOVES[from].map((s) => s.replace("_", " ")).join(" or ")}, not ${to.replace("_", " ")}`;
}
