/** A metric an expression selects, with the label names its matchers use. */
export interface SelectedMetric {
  name: string;
  labels: string[];
}

// Words PromQL gives a meaning of its own where a metric name could stand.
const keywords = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);

/**
 * The metrics a PromQL expression selects. Strings, range and subquery brackets, and label lists
 * of `by`, `without`, `on`, `ignoring` and `group_*` are set aside first; then every name not
 * followed by `(` (a function or an aggregation) and not a keyword is a metric, with the labels its
 * `{...}` matchers name.
 */
export function metricsInPromQL(expression: string): SelectedMetric[] {
  const text = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const selected: SelectedMetric[] = [];
  for (const match of text.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{([^}]*)\})?(\s*\()?/g)) {
    const [, name, matchers, call] = match;
    if (call || keywords.has(name!.toLowerCase())) continue;
    const labels = [...(matchers ?? '').matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)].map((label) => label[1]!);
    selected.push({ name: name!, labels });
  }
  return selected;
}
