import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// server/ has no files yet: the renderer → server zone is configured and gets a case here with
// the first server module.

/**
 * The layering rules are only worth something if a wrong import really fails the lint.
 * Each case lints a one-line file as if it lived at `filePath`, with the project's config.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/src/features/x.ts', "import { a } from '../../../electron/ipc';", 'import-x/no-restricted-paths'],
    ['renderer/src/features/x.ts', "import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ['renderer/src/features/x.ts', "import { ipcRenderer } from 'electron';", 'no-restricted-imports'],
    ['shared/x.ts', "import { a } from '../renderer/src/main';", 'import-x/no-restricted-paths'],
    ['shared/x.ts', "import { a } from '../electron/ipc';", 'import-x/no-restricted-paths'],
    ['shared/x.ts', "import { createHash } from 'node:crypto';", 'no-restricted-imports'],
    ['shared/x.ts', "import { useState } from 'react';", 'no-restricted-imports'],
    ['server/x.ts', "import { a } from '../renderer/src/main';", 'import-x/no-restricted-paths'],
    ['electron/x.ts', "import { a } from '../renderer/src/main';", 'import-x/no-restricted-paths'],
  ])('%s: %s is refused', async (filePath, code, rule) => {
    expect(await ruleIdsFor(filePath, code)).toContain(rule);
  });

  it.each([
    ['renderer/src/features/x.ts', "import type { Customer } from '../../../shared/schemas';"],
    ['server/x.ts', "import type { Customer } from '../shared/schemas';"],
    ['electron/x.ts', "import { IpcChannel } from '../shared/ipc/contract';\nexport const c = IpcChannel;"],
    ['renderer/src/features/x.ts', "import { getPath } from '../../../shared/util/paths';\nexport const g = getPath;"],
  ])('%s may import shared/: %s', async (filePath, code) => {
    const ids = await ruleIdsFor(filePath, code);
    expect(ids.filter((id) => id === 'import-x/no-restricted-paths' || id === 'no-restricted-imports')).toEqual([]);
  });
});
