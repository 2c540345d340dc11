"use client";
import { memo } from "react";
import { LESSON_KINDS, type Lesson } from "@/lib/model";
import { Field } from "./field-errors";
import { ListSection } from "./ListSection";

const TITLES: Record<Lesson["kind"], string> = { went_well: "What went well", went_wrong: "What went wrong", got_lucky: "Where we got lucky" };

export const LessonsEditor = memo(function LessonsEditor({ lessons, onChange }: { lessons: Lesson[]; onChange: (l: Lesson[]) => void }) {
  return (
    <div className="grid">
      {LESSON_KINDS.map((kind) => (
        <ListSection key={kind} title={TITLES[kind]} itemName="lesson" addLabel="Add lesson" items={lessons.filter((l) => l.kind === kind)}
          onChange={(list) => onChange([...lessons.filter((l) => l.kind !== kind), ...list])}
          blank={() => ({ kind, text: "" })}
          render={(l, update) => (
            <Field path={`lessons.${lessons.indexOf(l)}.text`} label="Lesson"><textarea rows={2} value={l.text} onChange={(e) => update({ text: e.target.value })} /></Field>
          )} />
      ))}
    </div>
  );
});
