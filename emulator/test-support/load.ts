/// <reference types="node" />
import autocannon from 'autocannon';

export type LoadResult = autocannon.Result;
export type LoadOptions = autocannon.Options;
export type LoadRequest = autocannon.Request;

/** autocannon, in-process, as a promise. TLS verification is off inside autocannon; only loopback is targeted. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (!/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(options.url)) throw new Error(`load runs target loopback only, not ${options.url}`);
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
