// The panel's theme: DevTools' theme at load, its change events where the browser sends them, and the OS scheme.
/** What the panel reads of `devtools.panels` for the theme. */
export interface ThemeSource {
  themeName?: string;
  onThemeChanged?: { addListener(listener: (name: string) => void): void };
}

/** The media query list of `(prefers-color-scheme: dark)`. */
export interface SchemeQuery {
  matches: boolean;
  addEventListener(type: 'change', listener: (event: { matches: boolean }) => void): void;
}

/** `light` or `dark` for a DevTools theme name, undefined when it names neither. */
export function readThemeName(name: string | undefined): 'light' | 'dark' | undefined {
  if (name === 'dark') return 'dark';
  if (name === 'default' || name === 'light') return 'light';
  return undefined;
}

/**
 * Keeps `apply` in step with DevTools' theme. Chrome gives `themeName` once, at load, and sends no
 * change event (Firefox does: `onThemeChanged`). A DevTools theme that matched the OS scheme at load
 * may be "System preference": when the OS scheme then changes, the panel follows it (apply with
 * undefined lets CSS use prefers-color-scheme). A theme that differed from the OS is pinned and stays.
 */
export function followDevtoolsTheme(
  panels: ThemeSource | undefined,
  scheme: SchemeQuery | undefined,
  apply: (theme: 'light' | 'dark' | undefined) => void,
): void {
  const initial = readThemeName(panels?.themeName);
  apply(initial);
  let followsSystem =
    initial === undefined || (scheme !== undefined && (initial === 'dark') === scheme.matches);
  panels?.onThemeChanged?.addListener((name) => {
    const theme = readThemeName(name);
    // An explicit switch reported by the browser wins over the OS scheme from then on.
    followsSystem = theme === undefined;
    apply(theme);
  });
  scheme?.addEventListener('change', (event) => {
    if (followsSystem) apply(event.matches ? 'dark' : 'light');
  });
}
