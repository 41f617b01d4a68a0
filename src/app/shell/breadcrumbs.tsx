import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link, useMatches, type UIMatch } from 'react-router';

export interface CrumbHandle {
  /** Text, or a component that reads a name (a subscription's) the route only has as an id. */
  crumb: (params: Record<string, string | undefined>) => ReactNode;
}

const hasCrumb = (m: UIMatch): m is UIMatch<unknown, CrumbHandle> => typeof (m.handle as Partial<CrumbHandle> | undefined)?.crumb === 'function';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', listStyle: 'none', margin: 0, padding: '12px 24px 0', fontSize: tokens.fontSizeBase300 },
  item: { display: 'flex', alignItems: 'center' },
  link: { color: tokens.colorBrandForegroundLink, textDecoration: 'none', ':hover': { textDecoration: 'underline' } },
  separator: { padding: '0 8px', color: tokens.colorNeutralForeground3 },
  current: { fontWeight: tokens.fontWeightSemibold },
});

/** Where the blade sits, as the portal shows it above every blade; each step but the last is a link. */
export function Breadcrumbs() {
  const styles = useStyles();
  const crumbs = useMatches().filter(hasCrumb);
  if (crumbs.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb">
      <ol className={styles.list}>
        {crumbs.map((m, i) => (
          <li key={m.id} className={styles.item}>
            {i === crumbs.length - 1 ? (
              <span className={styles.current} aria-current="page">
                {m.handle.crumb(m.params)}
              </span>
            ) : (
              <>
                <Link to={m.pathname} className={styles.link}>
                  {m.handle.crumb(m.params)}
                </Link>
                <span className={styles.separator} aria-hidden>
                  ›
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
