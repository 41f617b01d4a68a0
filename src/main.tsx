import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './app/load-config';
import { ConfigErrorPage } from './app/config-error-page';
import './app/global.css';

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const result = await loadConfig();
  if (!result.ok) {
    root.render(<ConfigErrorPage result={result} />);
    return;
  }
  // MSAL, Fluent UI and the router load only once the config is known to be good.
  const { bootstrap } = await import('./app/bootstrap');
  await bootstrap(root, result.config);
}

start().catch((error: unknown) => {
  root.render(
    <StrictMode>
      <ConfigErrorPage result={{ ok: false, problem: 'certportal failed to start.', detail: error instanceof Error ? error.message : String(error) }} />
    </StrictMode>,
  );
});
