import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components';
import { Fragment } from 'react';
import { Link, useMatches, type UIMatch } from 'react-router';

export interface CrumbHandle {
  crumb: (params: Record<string, string | undefined>) => string;
}

const hasCrumb = (m: UIMatch): m is UIMatch<unknown, CrumbHandle> =>
  typeof (m.handle as Partial<CrumbHandle> | undefined)?.crumb === 'function';

export function Breadcrumbs() {
  const crumbs = useMatches().filter(hasCrumb);
  if (crumbs.length === 0) return null;
  return (
    <Breadcrumb aria-label="Breadcrumb" style={{ padding: '8px 24px 0' }}>
      {crumbs.map((m, i) => (
        <Fragment key={m.id}>
          <BreadcrumbItem>
            {i === crumbs.length - 1 ? (
              <BreadcrumbButton current>{m.handle.crumb(m.params)}</BreadcrumbButton>
            ) : (
              <BreadcrumbButton as="a" href={m.pathname} {...({ as: Link, to: m.pathname } as object)}>
                {m.handle.crumb(m.params)}
              </BreadcrumbButton>
            )}
          </BreadcrumbItem>
          {i < crumbs.length - 1 && <BreadcrumbDivider />}
        </Fragment>
      ))}
    </Breadcrumb>
  );
}
