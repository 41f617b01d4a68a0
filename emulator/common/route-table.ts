import type { Operation } from './operation.ts';

/** Which versions a route accepts; `check` throws the service's own error for a missing or refused one. */
export interface VersionRule {
  check(version: string | undefined): void;
}

/** What a route needs of the caller on the subscription in its path. */
export interface RouteAccess {
  /** A Reader may only read; a disabled subscription takes no writes. */
  need: 'read' | 'write';
  /** The action as the service names it in a refusal: for ARM the RBAC action, e.g. `Microsoft.ApiManagement/service/certificates/write`. */
  action: string;
  /** The scope the action is over, a template on the route's parameters: `/subscriptions/{subscriptionId}`. */
  scope: string;
}

export interface RouteEntry {
  method: string;
  /** Below the service prefix, e.g. `/subscriptions/{subscriptionId}`; `{name}` captures one decoded segment. */
  path: string;
  operation: Operation;
  /** Omitted: no version is checked. */
  versions?: VersionRule;
  /** Omitted: any authenticated caller may call it (e.g. the list of the caller's own subscriptions). */
  access?: RouteAccess;
  /** Answered without authentication (e.g. ARM's metadata endpoints). */
  anonymous?: boolean;
}

export interface RouteMatch {
  entry: RouteEntry;
  params: Record<string, string>;
}

/** How a service reads its paths and words a miss. */
export interface RouteTableOptions {
  /** Splits and decodes the path below the prefix; throws the service's error for one it cannot read. */
  segments(path: string): string[];
  /** ARM's literal segments match in any case; Service Management's exactly. */
  ignoreCase: boolean;
  noRoute(method: string, path: string): Error;
  methodNotAllowed(method: string, path: string, allowed: string[]): Error;
  /** Checked before a miss is answered, when the service checks its version for every path (Service Management). */
  missVersions?: VersionRule;
}

export interface RouteTable {
  /** Always an entry: a miss resolves to one whose operation throws the service's error, after authentication. */
  resolve(method: string, path: string): RouteMatch;
}

export function createRouteTable(entries: readonly RouteEntry[], options: RouteTableOptions): RouteTable {
  const patterns = entries.map((entry) => ({ entry, pattern: entry.path.replace(/^\//, '').split('/') }));
  const miss = (method: string, error: Error): RouteMatch => ({
    entry: {
      method,
      path: '',
      versions: options.missVersions,
      operation: () => {
        throw error;
      },
    },
    params: {},
  });
  return {
    resolve(method, path) {
      let segments: string[];
      try {
        segments = options.segments(path);
      } catch (error) {
        if (error instanceof Error) return miss(method, error);
        throw error;
      }
      for (const { entry, pattern } of patterns) {
        const params = matchSegments(pattern, segments, options.ignoreCase);
        if (!params) continue;
        const samePath = entries.filter((other) => other.path === entry.path);
        const found = samePath.find((other) => other.method === method.toUpperCase());
        if (!found)
          return miss(
            method,
            options.methodNotAllowed(
              method,
              path,
              samePath.map((other) => other.method),
            ),
          );
        return { entry: found, params };
      }
      return miss(method, options.noRoute(method, path));
    },
  };
}

function matchSegments(pattern: string[], segments: string[], ignoreCase: boolean): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part.startsWith('{')) params[part.slice(1, -1)] = segments[i];
    else if (ignoreCase ? part.toLowerCase() !== segments[i].toLowerCase() : part !== segments[i]) return undefined;
  }
  return params;
}

/** `/subscriptions/{subscriptionId}` with the route's parameters put in. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
