import type { ConfigResult } from '../lib/runtime-config';

/** Shown instead of the portal when config.json is missing or wrong: plain markup, no provider needed. */
export function ConfigErrorPage({ result }: { result: Extract<ConfigResult, { ok: false }> }) {
  return (
    <main className="config-error" role="main">
      <h1>certportal cannot start</h1>
      <p role="alert" className="config-error-problem">
        {result.problem}
      </p>
      {result.detail && <pre className="config-error-detail">{result.detail}</pre>}
      <p>
        certportal reads <code>config.json</code> from the folder that serves <code>index.html</code>. It needs <code>auth.clientId</code>,{' '}
        <code>auth.authority</code>, <code>auth.knownAuthorities</code>, <code>armEndpoint</code> and <code>asmEndpoint</code>. The README explains each, for
        real Azure and for the emulator.
      </p>
    </main>
  );
}
