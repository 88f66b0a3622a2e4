/**
 * Compiles the Cube model files with Cube's own schema compiler (pinned at 1.7.43) in pure JS.
 * Cube's native module (only downloadable from GitHub) is replaced by a stand-in whose Jinja engine refuses to
 * run: YAML and JS models compile without it; Jinja or Python models would not, so we do not write any.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeInstance } from '@cubejs-backend/native';
import { prepareCompiler, type Compiler } from '@cubejs-backend/schema-compiler';

export const MODEL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'model');

class JsOnlyNative extends NativeInstance {
  override newJinjaEngine(): never {
    const refuse = () => {
      throw new Error(
        "Jinja models need Cube's native module, which these machines cannot install; write YAML.",
      );
    };
    return new Proxy({}, { get: () => refuse }) as never;
  }
}

/** Reads model files from an absolute folder (Cube's FileRepository resolves against the process cwd). */
class ModelFolder {
  constructor(private readonly dir: string) {}
  localPath() {
    return this.dir;
  }
  async dataSchemaFiles() {
    const names = (await readdir(this.dir)).filter((f) => /\.(ya?ml|js)$/.test(f)).sort();
    return Promise.all(
      names.map(async (fileName) => ({
        fileName,
        content: await readFile(path.join(this.dir, fileName), 'utf8'),
      })),
    );
  }
}

export type CompiledModel = Compiler;

export async function compileModel(dir = MODEL_DIR): Promise<CompiledModel> {
  const compilers = prepareCompiler(new ModelFolder(dir) as never, {
    nativeInstance: new JsOnlyNative() as never,
  });
  await compilers.compiler.compile();
  return compilers;
}
