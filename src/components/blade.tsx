import type { ReactNode } from 'react';
import { useDocumentTitle } from './document-title';
import { makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  blade: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px 24px', minHeight: 0, flex: 1 },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  subtitle: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

/**
 * One portal blade: its title, what it belongs to, and its content. The document title is the blade's title and
 * `titleContext` (by default the subtitle, which names the subscription or service; null for none).
 */
export function Blade({
  title,
  subtitle,
  titleContext = subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  titleContext?: string | null;
  children: ReactNode;
}) {
  const styles = useStyles();
  useDocumentTitle([title, titleContext]);
  return (
    <section className={styles.blade} aria-labelledby="blade-title">
      <header className={styles.header}>
        <Title2 as="h1" id="blade-title">
          {title}
        </Title2>
        {subtitle && <Subtitle2 className={styles.subtitle}>{subtitle}</Subtitle2>}
      </header>
      {children}
    </section>
  );
}
