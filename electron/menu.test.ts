import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

vi.mock('electron', () => import('./testing/fake-electron'));

const roles = (template: ReturnType<typeof buildMenuTemplate>): string[] =>
  template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role ?? '') : [])]);

describe('application menu', () => {
  it('offers DevTools and reload only in dev mode', () => {
    expect(roles(buildMenuTemplate(false, false))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(false, false))).not.toContain('reload');
    expect(roles(buildMenuTemplate(false, true))).toContain('toggleDevTools');
  });

  it('adds the app menu on macOS only', () => {
    expect(roles(buildMenuTemplate(true, false))[0]).toBe('appMenu');
    expect(roles(buildMenuTemplate(false, false))).not.toContain('appMenu');
  });
});
