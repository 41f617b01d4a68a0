export type SecretIdentifierCheck = { ok: true; vault: string; name: string; version: string | null } | { ok: false; problem: string };

/** `https://{vault}.vault.azure.net/secrets/{name}[/{version}]`, checked before anything is sent. */
export function checkSecretIdentifier(text: string): SecretIdentifierCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'Enter a URL like https://my-vault.vault.azure.net/secrets/my-certificate.' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'The secret identifier must start with https://.' };
  const match = /^([a-z][a-z0-9-]{1,22}[a-z0-9])\.vault\.azure\.net$/i.exec(url.hostname);
  if (!match) return { ok: false, problem: `'${url.hostname}' is not a Key Vault host; it should look like my-vault.vault.azure.net.` };
  if (url.search || url.hash || url.port) return { ok: false, problem: 'The secret identifier takes no port, query string or fragment.' };
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'secrets' || segments.length < 2 || segments.length > 3)
    return { ok: false, problem: 'The path must be /secrets/{name} or /secrets/{name}/{version}.' };
  const [, name, version] = segments;
  if (!/^[0-9a-zA-Z-]{1,127}$/.test(name)) return { ok: false, problem: `'${name}' is not a secret name: use 1 to 127 letters, digits and hyphens.` };
  if (version !== undefined && !/^[0-9a-f]{32}$/i.test(version))
    return { ok: false, problem: `'${version}' is not a secret version: versions are 32 hexadecimal characters.` };
  return { ok: true, vault: match[1].toLowerCase(), name, version: version ?? null };
}

/** The certificate id rules of API Management: 1 to 80 characters, none of * # & + : < > ? */
export function certificateIdProblem(id: string): string | null {
  if (id.length === 0) return 'Enter an id.';
  if (id.length > 80) return `At most 80 characters (this has ${id.length}).`;
  const bad = /[*#&+:<>?]/.exec(id);
  if (bad) return `The id cannot contain ${bad[0]} (nor any of * # & + : < > ?).`;
  if (id.trim() !== id) return 'The id cannot start or end with a space.';
  if (/[/\\%]/.test(id)) return 'The id cannot contain / \\ or %: they do not survive in a URL.';
  return null;
}
