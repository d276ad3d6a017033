// Build step: the popup's start-up code is cut into chunks by which other entries share each module, as if
// the welcome page did not exist. Left to itself, the bundler cut it also by "and the welcome page uses it"
// (the welcome page shows the popup's own IncidentView on a sample): more, smaller files, each gzip'd apart,
// and the popup's eager JS went past its 25 KB budget. The welcome page now loads the popup's chunks whole:
// a few KB more for a page opened once. No other entry loads a module it does not use.
import type { Plugin } from 'vite';

interface GraphInfo {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

type Lookup = (id: string) => GraphInfo | null;

function reach(roots: readonly string[], info: Lookup, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const module = info(id);
    if (module) queue.push(...module.importedIds, ...(withDynamic ? module.dynamicallyImportedIds : []));
  }
  return seen;
}

/**
 * Pure: for each module the popup imports statically (the entry itself aside), the chunk it belongs to, named
 * after the other entries that also use it: `popup` alone, else `popup+<name>+…` in the order given. Modules
 * every entry uses get no name.
 * The popup's own lazy chunks import from these as before.
 */
export function popupChunkNames(
  popupEntry: string,
  others: Readonly<Record<string, string>>,
  info: Lookup,
): Map<string, string> {
  const eager = reach([popupEntry], info, false);
  // The popup's own script comes along: it renders only into the popup page's root (popup/main.tsx), and a
  // chunk of its own would cost the popup ~300 B of gzip.
  eager.delete(popupEntry);
  const usedBy = Object.entries(others).map(([name, entry]) => ({ name, modules: reach([entry], info, true) }));
  const names = new Map<string, string>();
  for (const id of eager) {
    const users = usedBy.filter((u) => u.modules.has(id));
    // What every entry loads stays with the bundler, which keeps its own runtime helpers in that chunk.
    if (users.length < usedBy.length) names.set(id, ['popup', ...users.map((u) => u.name)].join('+'));
  }
  return names;
}

/**
 * `entries`: the other entries that keep their own chunks (name → pattern of their module id). Entries matching
 * none (the welcome page) are not considered. The names are filled once the module graph is known, and read
 * when the chunks are made.
 */
export function popupChunkPlugin(
  popupHtml: RegExp,
  entries: Readonly<Record<string, RegExp>>,
): { plugin: Plugin; chunkOf: (id: string) => string | null } {
  let names = new Map<string, string>();
  const plugin: Plugin = {
    name: 'popup-chunk',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const popupEntry = ids.find((id) => popupHtml.test(id));
      if (!popupEntry) return;
      const others: Record<string, string> = {};
      for (const [name, pattern] of Object.entries(entries)) {
        const id = ids.find((m) => pattern.test(m) && this.getModuleInfo(m)?.isEntry);
        if (id) others[name] = id;
      }
      names = popupChunkNames(popupEntry, others, (id) => this.getModuleInfo(id));
    },
  };
  return { plugin, chunkOf: (id) => names.get(id) ?? null };
}
