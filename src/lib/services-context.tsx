import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from './runtime-config';
import { createArmClient, type ArmClient } from './arm-client';
import { createAsmClient, type AsmClient } from './asm-client';
import { getAccessToken } from './auth';

interface Services {
  config: RuntimeConfig;
  arm: ArmClient;
  asm: AsmClient;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ msal, config, children }: { msal: IPublicClientApplication; config: RuntimeConfig; children: ReactNode }) {
  const value = useMemo<Services>(
    () => ({
      config,
      arm: createArmClient(config.armEndpoint, () => getAccessToken(msal, 'arm')),
      asm: createAsmClient(config.asmEndpoint, () => getAccessToken(msal, 'asm')),
    }),
    [msal, config],
  );
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
