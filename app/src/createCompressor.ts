import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What to send for a file: its bytes as they are, or compressed in an encoding the browser accepts. */
export interface Encoded {
  body: Buffer;
  encoding?: 'br' | 'gzip';
}

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

/** The encodings an Accept-Encoding header allows, brotli first; `q=0` refuses one. */
function accepted(header: string | undefined): Array<'br' | 'gzip'> {
  const allowed = new Set(
    (header ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  return (['br', 'gzip'] as const).filter((name) => allowed.has(name));
}

/**
 * Compresses the app's text files once each and keeps them: the nhsuk-frontend styles and the
 * scripts are about 570 KB as built, and about a fifth of that in brotli. Built files never change
 * under a running server (a new build is a new container), so what is kept stays right.
 */
export function createCompressor(): (key: string, extension: string, body: Buffer, header?: string) => Encoded {
  const kept = new Map<string, Buffer>();
  return (key, extension, body, header) => {
    if (!compressible.has(extension) || body.length < 1024) return { body };
    const encoding = accepted(header)[0];
    if (!encoding) return { body };
    const id = `${encoding}:${key}`;
    let compressed = kept.get(id);
    if (!compressed) {
      compressed =
        encoding === 'br'
          ? brotliCompressSync(body, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            })
          : gzipSync(body, { level: 9 });
      kept.set(id, compressed);
    }
    return { body: compressed, encoding };
  };
}
