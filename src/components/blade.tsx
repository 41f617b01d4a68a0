import type { ReactNode } from 'react';
import { makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  blade: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '16px 24px', minHeight: 0, flex: 1 },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  subtitle: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

/** One portal blade: its title, what it belongs to, and its content. */
export function Blade({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const styles = useStyles();
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
