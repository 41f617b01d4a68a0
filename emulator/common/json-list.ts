/**
 * JSON rendered once per item object and then reused: the certificate list index (store/apim-certificate-list/)
 * hands out the same row object until the row changes, so a row's JSON is worked out on its first read and
 * costs a lookup after that, in a list or a GET.
 */
export function jsonRenderer<Item extends object>(render: (item: Item) => unknown): (item: Item) => string {
  const rendered = new WeakMap<Item, string>();
  return (item) => {
    let text = rendered.get(item);
    if (text === undefined) rendered.set(item, (text = JSON.stringify(render(item))));
    return text;
  };
}

/** A list response body `{"value":[…],…}` from rendered items; the other members in the order given, as JSON.stringify would. */
export function jsonList<Item>(json: (item: Item) => string, items: readonly Item[], rest: Record<string, unknown>): string {
  const members = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`)
    .join('');
  return `{"value":[${items.map(json).join(',')}]${members}}`;
}
