import { createContext, useContext } from 'react';
import type { ThemeName } from './theme';

export interface ShellSettings {
  environment: string;
  theme: ThemeName;
  setTheme: (theme: ThemeName) => void;
}

export const ShellSettingsContext = createContext<ShellSettings>({ environment: 'azure', theme: 'light', setTheme: () => undefined });

export const useShellSettings = (): ShellSettings => useContext(ShellSettingsContext);
