export interface SecretReference {
  vault: string;
  name: string;
  /** null: the latest version, which API Management follows as the secret rotates. */
  version: string | null;
}

const vaultSuffixes = ['.vault.azure.net', '.vault.azure.cn', '.vault.usgovcloudapi.net', '.vault.microsoftazure.de'];

/** `https://{vault}.vault.azure.net/secrets/{name}[/{version}]`, or a sentence saying what is wrong with it. */
export function parseSecretIdentifier(identifier: string): SecretReference | { problem: string } {
  let url: URL;
  try {
    url = new URL(identifier);
  } catch {
    return { problem: `'${identifier}' is not a URL; a secret identifier looks like https://my-vault.vault.azure.net/secrets/my-certificate.` };
  }
  if (url.protocol !== 'https:') return { problem: `The secret identifier must use https, not '${url.protocol.replace(':', '')}'.` };
  const host = url.hostname.toLowerCase();
  const suffix = vaultSuffixes.find((s) => host.endsWith(s));
  const vault = suffix ? host.slice(0, -suffix.length) : '';
  if (!suffix || !/^[a-z][a-z0-9-]{1,22}[a-z0-9]$/.test(vault)) {
    return { problem: `'${url.hostname}' is not a Key Vault host; it should look like my-vault.vault.azure.net.` };
  }
  if (url.search || url.hash) return { problem: 'The secret identifier must not carry a query string or fragment.' };
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0]?.toLowerCase() !== 'secrets' || segments.length < 2 || segments.length > 3) {
    return { problem: `The path of '${identifier}' should be /secrets/{name} or /secrets/{name}/{version}.` };
  }
  const [, name, version] = segments;
  if (!/^[0-9a-zA-Z-]{1,127}$/.test(name)) return { problem: `'${name}' is not a valid secret name: use 1 to 127 letters, digits and hyphens.` };
  if (version !== undefined && !/^[0-9a-f]{32}$/i.test(version))
    return { problem: `'${version}' is not a secret version: versions are 32 hexadecimal characters.` };
  return { vault, name, version: version ?? null };
}
