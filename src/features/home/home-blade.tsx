import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { KeyMultipleRegular, CloudRegular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { Blade } from '../../components/blade';

const useStyles = makeStyles({
  cards: { display: 'flex', gap: '16px', flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 },
  card: {
    width: '320px',
    display: 'flex',
    gap: '12px',
    alignItems: 'flex-start',
    padding: '16px',
    borderRadius: '4px',
    boxShadow: tokens.shadow4,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { boxShadow: tokens.shadow8 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { fontSize: '28px', color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', gap: '2px' },
});

const destinations = [
  // Names differ from the left menu's, so "Subscriptions" names one link on the page.
  {
    to: '/subscriptions',
    title: 'Management certificates',
    description: 'Classic Service Management: pick a subscription, then upload or delete',
    Icon: KeyMultipleRegular,
  },
  {
    to: '/apim',
    title: 'API Management certificates',
    description: 'Certificates of your API Management instances, custom or from Key Vault',
    Icon: CloudRegular,
  },
];

export function HomeBlade() {
  const styles = useStyles();
  return (
    <Blade title="Home" subtitle="Azure certificates, managed from the browser">
      <ul className={styles.cards}>
        {destinations.map(({ to, title, description, Icon }) => (
          <li key={to}>
            <Link to={to} className={styles.card}>
              <Icon className={styles.icon} aria-hidden />
              <span className={styles.text}>
                <Text weight="semibold">{title}</Text>
                <Text size={200}>{description}</Text>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Blade>
  );
}
