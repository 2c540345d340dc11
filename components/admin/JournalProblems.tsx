import type { JournalProblem } from "@/db/journal";

/** Journal lines the app skipped (damaged, not entries) or refused (not trusted), for admins to look into. */
export function JournalProblems({ problems }: { problems: JournalProblem[] }) {
  return (
    <section aria-labelledby="journal-problems">
      <h2 id="journal-problems">Status journal</h2>
      {problems.length === 0 ? (
        <p>Every line of the status site&apos;s journal was taken in.</p>
      ) : (
        <>
          <p>These lines of <code>journal.jsonl</code> were not taken in. Nothing was published from them; check who wrote them.</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Skipped journal lines">
            <table>
              <thead><tr><th scope="col">Line</th><th scope="col">Why</th><th scope="col">Entry</th><th scope="col">Text</th></tr></thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={`${p.line}-${p.reason}`}>
                    <td>{p.line || "—"}</td><td>{p.reason}</td><td>{p.entryId ?? "—"}</td><td><code>{p.excerpt}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
