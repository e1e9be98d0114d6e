/** One instruction of a Dockerfile, with its arguments as written (continuations joined). */
export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

/** A build stage: its base image, its name (if any) and its instructions. */
export interface DockerStage {
  from: string;
  name: string | undefined;
  instructions: DockerInstruction[];
}

/**
 * Parses a Dockerfile into stages, substituting ARG defaults declared before the first FROM.
 * Enough of the format for this repository's images (no heredocs, no parser directives), so a
 * test can read and run what an image would be built from without a Docker engine.
 */
export function parseDockerfile(text: string): DockerStage[] {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === undefined && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    if (pending !== undefined && line.trimStart().startsWith('#')) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    pending = pending
      ? { text: `${pending.text} ${part.trim()}`, line: pending.line }
      : { text: part.trim(), line: index + 1 };
    if (!continued) {
      const [keyword = '', ...rest] = pending.text.split(/\s+/);
      instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
      pending = undefined;
    }
  });
  const args = new Map<string, string>();
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = instruction.args.split('=');
      args.set(name, value);
      continue;
    }
    const expanded = instruction.args.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      return args.get(name) ?? match;
    });
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = expanded.split(/\s+/);
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Line ${instruction.line}: ${instruction.keyword} before any FROM`);
    stage.instructions.push({ ...instruction, args: instruction.keyword === 'RUN' ? instruction.args : expanded });
  }
  return stages;
}

/** The final stage's CMD as the exec-form array it must be. */
export function commandOf(stage: DockerStage): string[] {
  const cmd = stage.instructions.findLast((instruction) => instruction.keyword === 'CMD');
  if (!cmd) return [];
  const parsed = JSON.parse(cmd.args) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
