import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { promisify } from 'node:util';
import { commandOf, type DockerStage, parseDockerfile } from './parseDockerfile.ts';

const run = promisify(execFile);

/** The final stage of a Dockerfile as built on this machine: its files, settings and command. */
export interface SimulatedImage {
  /** The folder standing for the image's filesystem root. */
  root: string;
  /** The final WORKDIR, as a path inside the image. */
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[];
  /** Bytes under the WORKDIR: the service's own files and dependencies, without the base image. */
  appBytes: number;
  /** Bytes of the WORKDIR's node_modules. */
  nodeModulesBytes: number;
}

/**
 * Builds a Dockerfile's stages without a Docker engine (this machine has only the client): each
 * stage is a folder standing for its filesystem, COPY copies from the build context (less what
 * .dockerignore leaves out) or an earlier stage, RUN runs in the stage's WORKDIR with the stage's
 * environment, absolute paths of the stage rewritten into its folder. The base image is this
 * machine itself, so it proves what the Dockerfile copies, installs and compiles, and that the
 * result runs; not the base image's own contents.
 */
export async function simulateDockerBuild(
  dockerfilePath: string,
  options: { context: string; into: string; log?: (line: string) => void },
): Promise<SimulatedImage> {
  const stages = parseDockerfile(readFileSync(dockerfilePath, 'utf8'));
  const ignored = dockerignore(options.context);
  const roots = new Map<string, string>();
  let final: SimulatedImage | undefined;
  for (const [index, stage] of stages.entries()) {
    const root = join(options.into, stage.name ?? `stage-${index}`);
    mkdirSync(root, { recursive: true });
    const inside = (path: string) => join(root, path);
    let workdir = '/';
    const env: Record<string, string> = {};
    let user: string | undefined;
    for (const instruction of stage.instructions) {
      const where = `${relative(options.context, dockerfilePath)}:${instruction.line} ${instruction.keyword}`;
      switch (instruction.keyword) {
        case 'WORKDIR':
          workdir = posix.resolve(workdir, instruction.args);
          mkdirSync(inside(workdir), { recursive: true });
          break;
        case 'ENV':
          for (const pair of instruction.args.match(/\S+=("[^"]*"|\S+)/g) ?? []) {
            const [key = '', ...value] = pair.split('=');
            env[key] = value.join('=').replace(/^"|"$/g, '');
          }
          break;
        case 'USER':
          user = instruction.args;
          break;
        case 'COPY': {
          const words = instruction.args.split(/\s+/);
          const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
          const paths = words.filter((word) => !word.startsWith('--'));
          const destination = posix.resolve(workdir, paths.pop() ?? '.');
          const sourceRoot = from === undefined ? options.context : roots.get(from);
          if (!sourceRoot) throw new Error(`${where}: no earlier stage named ${from}`);
          for (const path of paths) {
            const source = from === undefined ? join(sourceRoot, path) : join(sourceRoot, path);
            if (!existsSync(source)) throw new Error(`${where}: ${path} does not exist`);
            const target =
              statSync(source).isDirectory() || !(instruction.args.trimEnd().endsWith('/') || paths.length > 1)
                ? inside(destination)
                : join(inside(destination), posix.basename(path));
            mkdirSync(statSync(source).isDirectory() ? target : dirname(target), { recursive: true });
            cpSync(source, target, {
              recursive: true,
              verbatimSymlinks: true,
              filter: (file) => from !== undefined || !ignored(relative(options.context, file)),
            });
          }
          break;
        }
        case 'RUN': {
          options.log?.(`${where}: ${instruction.args}`);
          const absolute = new Set(['/build', '/app', '/data', workdir.split('/').slice(0, 2).join('/')]);
          let command = instruction.args;
          for (const prefix of absolute) {
            if (prefix !== '/')
              command = command.replace(new RegExp(`(^|[\\s=])${prefix}(?=/|\\s|$)`, 'g'), `$1${inside(prefix)}`);
          }
          try {
            await run('bash', ['-euo', 'pipefail', '-c', command], {
              cwd: inside(workdir),
              // npm's cache is the build's own, as in a fresh image, so cleaning it touches nothing here.
              env: { ...process.env, ...env, npm_config_cache: join(options.into, 'npm-cache') },
              maxBuffer: 64 * 1024 * 1024,
            });
          } catch (error) {
            const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
            // npm's warnings would bury the failure itself.
            const lines = `${stdout}\n${stderr}`
              .split('\n')
              .filter((line) => line.trim() && !line.startsWith('npm warn'));
            throw new Error(`${where} failed:\n${lines.slice(-30).join('\n')}`, { cause: error });
          }
          break;
        }
        default:
          break;
      }
    }
    if (stage.name) roots.set(stage.name, root);
    if (index === stages.length - 1) {
      final = {
        root,
        workdir,
        env,
        user,
        cmd: commandOf(stage as DockerStage),
        appBytes: await bytesUnder(inside(workdir)),
        nodeModulesBytes: await bytesUnder(join(inside(workdir), 'node_modules')),
      };
    }
  }
  if (!final) throw new Error(`${dockerfilePath} has no FROM`);
  return final;
}

/** Whether .dockerignore leaves a path (relative to the context) out of the build context. */
function dockerignore(context: string): (path: string) => boolean {
  const file = join(context, '.dockerignore');
  const patterns = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'))
    : [];
  const matchers = patterns.map((pattern) => new RegExp(`^${globToRegex(pattern)}(?:/.*)?$`));
  return (path) => path !== '' && matchers.some((matcher) => matcher.test(path));
}

/** A .dockerignore pattern as a regular expression: ** spans folders, * and ? stay within one. */
function globToRegex(pattern: string): string {
  let regex = '';
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern.startsWith('**/', i)) {
      regex += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      regex += '.*';
      i += 1;
    } else if (pattern[i] === '*') regex += '[^/]*';
    else if (pattern[i] === '?') regex += '[^/]';
    else regex += pattern[i]!.replace(/[.+^$()|[\]{}\\]/g, '\\$&');
  }
  return regex;
}

async function bytesUnder(folder: string): Promise<number> {
  if (!existsSync(folder)) return 0;
  const { stdout } = await run('du', ['-sb', folder]);
  return Number(stdout.split(/\s/)[0]);
}
