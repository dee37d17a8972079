// The import rules of the house, over every source file (type-only imports included, which ESLint's no-cycle skips).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['lib', 'components', 'entrypoints', 'sandbox', 'scripts', 'tests'];
const SOURCE = /\.(ts|tsx|mjs)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '/index.ts', '/index.tsx'];

function listSources(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

/** Each file's relative imports (static, dynamic, type-only and re-exports), resolved to files. */
function buildGraph(): Map<string, string[]> {
  const files = FOLDERS.flatMap((folder) => listSources(join(ROOT, folder)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => {
        const base = resolve(dirname(file), name.replace(/\.js$/, ''));
        return EXTENSIONS.map((ext) => base + ext).find((candidate) => known.has(candidate));
      })
      .filter((target): target is string => target !== undefined);
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(ROOT, member));
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}

describe('import graph', () => {
  const graph = buildGraph();

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get(join(ROOT, 'lib/uqudo/inspect.ts'))).toContain(
      join(ROOT, 'lib/jose/inspect.ts'),
    );
  });

  it('has no import cycles, type-only imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a planted cycle (the check can fail)', () => {
    const planted = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['a']],
    ]);
    expect(findCycles(planted)).toHaveLength(1);
  });

  it('keeps lib/jose free of Uqudo: nothing under lib/jose imports lib/uqudo', () => {
    const jose = join(ROOT, 'lib/jose') + '/';
    const uqudo = join(ROOT, 'lib/uqudo') + '/';
    const offending = [...graph]
      .filter(([file]) => file.startsWith(jose))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => t.startsWith(uqudo))
          .map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`),
      );
    expect(offending).toEqual([]);
  });
});
