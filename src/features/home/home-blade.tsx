import { Card, CardHeader, makeStyles, Text } from '@fluentui/react-components';
import { KeyMultipleRegular, CloudRegular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import { Blade } from '../../components/blade';

const useStyles = makeStyles({ cards: { display: 'flex', gap: '16px', flexWrap: 'wrap' }, card: { width: '320px' } });

export function HomeBlade() {
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <Blade title="Home" subtitle="Azure certificates, managed from the browser">
      <div className={styles.cards}>
        <Card className={styles.card} onClick={() => navigate('/subscriptions')} aria-label="Subscriptions">
          <CardHeader image={<KeyMultipleRegular fontSize={28} />} header={<Text weight="semibold">Subscriptions</Text>} description="Management certificates (classic Service Management)" />
        </Card>
        <Card className={styles.card} onClick={() => navigate('/apim')} aria-label="API Management services">
          <CardHeader image={<CloudRegular fontSize={28} />} header={<Text weight="semibold">API Management services</Text>} description="Certificates of your API Management instances" />
        </Card>
      </div>
    </Blade>
  );
}
