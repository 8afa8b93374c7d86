import { spread, type Spread } from "./stats";

/** A measured quantity: its unit and its spread over the rounds. */
export interface Measure {
  readonly unit: string;
  readonly spread: Spread;
}

/** A goal of a row: its ratio (or, with `on: "value"`, its value) at least or at most `value`. */
export interface Goal {
  readonly op: ">=" | "<=";
  readonly value: number;
  /** What the goal is about; the ratio unless said otherwise. */
  readonly on?: "ratio" | "value";
}

/** One line of the table: a figure, the limit it is compared with, their ratio and the goal. */
export interface Row {
  readonly figure: string;
  readonly value: Measure;
  /** What the figure is compared with, measured in the same run; absent when there is none. */
  readonly limit?: Measure & { readonly name: string };
  /** value / limit per round (or another ratio named by the row), over the rounds. */
  readonly ratio?: Spread;
  readonly goal?: Goal;
  /** Why there is no limit or ratio (e.g. "n/a on the embedded database"). */
  readonly note?: string;
}

/** Whether the row meets its goal, judged on the median; undefined without a goal or what it is about. */
export function goalMet(row: Row): boolean | undefined {
  if (row.goal === undefined) return undefined;
  const judged = row.goal.on === "value" ? row.value.spread : row.ratio;
  if (judged === undefined || !Number.isFinite(judged.median)) return undefined;
  return row.goal.op === ">=" ? judged.median >= row.goal.value : judged.median <= row.goal.value;
}

function formatGoal(row: Row): string {
  if (!row.goal) return "—";
  const op = row.goal.op === ">=" ? "≥" : "≤";
  return row.goal.on === "value" ? `${op} ${formatNumber(row.goal.value)} ${row.value.unit}` : `ratio ${op} ${row.goal.value}`;
}

/** Per-round ratios of two equally long series (value[i] / limit[i]), as a spread. */
export function ratioSpread(values: readonly number[], limits: readonly number[]): Spread {
  return spread(values.flatMap((v, i) => (limits[i] ? [v / limits[i]] : [])));
}

/** A number in a short human form: 3 significant digits, k/M for large ones. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${(n / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toPrecision(3)}k`;
  if (abs >= 100) return Math.round(n).toString();
  if (abs >= 1) return n.toPrecision(3);
  if (abs === 0) return "0";
  return n.toPrecision(2);
}

/** "median unit (min–max)", or just "median unit" when every round agreed. */
export function formatMeasure(m: Measure): string {
  const { min, median, max } = m.spread;
  if (!Number.isFinite(median)) return "n/a";
  const range = formatNumber(min) === formatNumber(max) ? "" : ` (${formatNumber(min)}–${formatNumber(max)})`;
  return `${formatNumber(median)} ${m.unit}${range}`;
}

function formatRatio(r: Spread): string {
  if (!Number.isFinite(r.median)) return "n/a";
  return formatNumber(r.min) === formatNumber(r.max) ? formatNumber(r.median) : `${formatNumber(r.median)} (${formatNumber(r.min)}–${formatNumber(r.max)})`;
}

function cells(row: Row): string[] {
  const met = goalMet(row);
  return [
    row.figure,
    formatMeasure(row.value),
    row.limit ? `${row.limit.name}: ${formatMeasure(row.limit)}` : (row.note ?? "—"),
    row.ratio ? formatRatio(row.ratio) : "—",
    formatGoal(row),
    met === undefined ? "—" : met ? "yes" : "NO",
  ];
}

const HEADER = ["figure", "value (min–max)", "limit", "ratio", "goal", "met?"];

/** The table: one line per row, columns padded, then the notes. */
export function formatTable(title: string, rows: readonly Row[], notes: readonly string[] = []): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...table.map((line) => [...(line[c] ?? "")].length)));
  const line = (cols: string[]) =>
    cols
      .map((col, c) => col + " ".repeat((widths[c] ?? 0) - [...col].length))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const noteLines = notes.map((n) => `* ${n}`);
  return [title, "", line(HEADER), rule, ...table.slice(1).map(line), ...(noteLines.length ? ["", ...noteLines] : [])].join("\n");
}

/** The rows as plain data for `--json`: numbers, not strings, with `met` judged. */
export function rowsAsJson(rows: readonly Row[]): object[] {
  return rows.map((row) => ({ ...row, met: goalMet(row) ?? null }));
}
