import { NextResponse } from "next/server";
import { z } from "zod";
import { INSIGHT_TABLES } from "@/lib/insight-report";
import { toCsv } from "@/lib/csv";
import { insightsFor } from "@/server/insights";
import { apiUser, problem } from "../_lib/http";

const outputSchema = z.object({
  format: z.enum(["json", "csv"], { message: "must be json or csv" }).default("json"),
  table: z.enum(INSIGHT_TABLES, { message: `must be one of ${INSIGHT_TABLES.join(", ")}` }).optional(),
});

/**
 * The insights as JSON, or one table as CSV: /api/insights?format=csv&table=durations&from=2021-01-01. The filters
 * are the page's; any the server does not understand is a 400 naming the parameter.
 */
export async function GET(req: Request) {
  const user = await apiUser(req, "viewer");
  if (user instanceof NextResponse) return user;
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const output = outputSchema.safeParse({ format: params.format || undefined, table: params.table || undefined });
  if (!output.success) return problem(400, output.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  if (output.data.format === "csv" && !output.data.table) return problem(400, [`table: name the table to export, one of ${INSIGHT_TABLES.join(", ")}`]);
  const answer = insightsFor(params);
  if (!answer.ok) return problem(400, answer.problems.map((p) => `${p.param}: ${p.message}`));
  if (output.data.format === "csv") {
    const table = answer.report.tables[output.data.table!];
    return new NextResponse(toCsv(table.columns, table.rows), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="sitrep-${table.name}.csv"` },
    });
  }
  const { tables, ...figures } = answer.report;
  return NextResponse.json(output.data.table ? tables[output.data.table] : { filters: answer.filters, ...figures, tables });
}
