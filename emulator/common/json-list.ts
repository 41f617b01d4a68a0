/**
 * A list response body `{"value":[…],…}` whose items are rendered to JSON once per item object and then
 * reused: the certificate list index (store/apim-certificate-list/) hands out the same row object until the
 * row changes, so a row's JSON is worked out on its first list and costs a string join after that. The
 * other members are added in the order given, as JSON.stringify would.
 */
export function jsonListRenderer<Item extends object>(render: (item: Item) => unknown): (items: readonly Item[], rest: Record<string, unknown>) => string {
  const rendered = new WeakMap<Item, string>();
  const json = (item: Item) => {
    let text = rendered.get(item);
    if (text === undefined) rendered.set(item, (text = JSON.stringify(render(item))));
    return text;
  };
  return (items, rest) => {
    const members = Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `,${JSON.stringify(name)}:${JSON.stringify(value)}`)
      .join('');
    return `{"value":[${items.map(json).join(',')}]${members}}`;
  };
}
