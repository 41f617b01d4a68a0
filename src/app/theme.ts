import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark';
const KEY = 'certportal.theme';

export function initialTheme(): ThemeName {
  const saved = window.localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function saveTheme(name: ThemeName): void {
  window.localStorage.setItem(KEY, name);
}

export const themes: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme };
