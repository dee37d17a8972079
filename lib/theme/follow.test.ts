// Tests of followDevtoolsTheme: DevTools' theme at load, change events, and the OS scheme's changes.
import { describe, expect, it } from 'vitest';
import { followDevtoolsTheme, readThemeName, type SchemeQuery } from './follow';

function fakeScheme(matches: boolean) {
  const listeners: ((event: { matches: boolean }) => void)[] = [];
  const query: SchemeQuery = {
    matches,
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  return { query, change: (dark: boolean) => listeners.forEach((l) => l({ matches: dark })) };
}

function fakePanels(themeName?: string) {
  const listeners: ((name: string) => void)[] = [];
  return {
    panels: {
      themeName,
      onThemeChanged: { addListener: (l: (n: string) => void) => listeners.push(l) },
    },
    change: (name: string) => listeners.forEach((l) => l(name)),
  };
}

describe('followDevtoolsTheme', () => {
  it('reads Chrome’s theme names', () => {
    expect(readThemeName('dark')).toBe('dark');
    expect(readThemeName('default')).toBe('light');
    expect(readThemeName('other')).toBeUndefined();
  });

  it('follows the OS scheme when DevTools’ theme matched it at load (System preference)', () => {
    const applied: (string | undefined)[] = [];
    const scheme = fakeScheme(true);
    followDevtoolsTheme({ themeName: 'dark' }, scheme.query, (theme) => applied.push(theme));
    scheme.change(false);
    scheme.change(true);
    expect(applied).toEqual(['dark', 'light', 'dark']);
  });

  it('keeps a DevTools theme that differs from the OS scheme (pinned) when the OS changes', () => {
    const applied: (string | undefined)[] = [];
    const scheme = fakeScheme(false);
    followDevtoolsTheme({ themeName: 'dark' }, scheme.query, (theme) => applied.push(theme));
    scheme.change(true);
    scheme.change(false);
    expect(applied).toEqual(['dark']);
  });

  it('applies change events where the browser sends them (Firefox), which then win over the OS', () => {
    const applied: (string | undefined)[] = [];
    const scheme = fakeScheme(false);
    const { panels, change } = fakePanels('default');
    followDevtoolsTheme(panels, scheme.query, (theme) => applied.push(theme));
    change('dark');
    scheme.change(false);
    expect(applied).toEqual(['light', 'dark']);
  });
});
