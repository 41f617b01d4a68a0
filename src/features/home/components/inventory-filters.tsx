import { Dropdown, Field, makeStyles, Option, SearchBox } from '@fluentui/react-components';
import { EXPIRY_BAND_LABELS, EXPIRY_BANDS } from '../../../lib/expiry';
import { KIND_LABELS, type CertificateKind } from '../inventory/inventory-row';
import type { InventoryFilter } from '../inventory/inventory-view';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'end' },
  dropdown: { minWidth: '150px', maxWidth: '100%' },
});

interface Choice {
  value: string;
  label: string;
}

function Choose({ label, value, choices, onChange }: { label: string; value: string; choices: Choice[]; onChange: (value: string) => void }) {
  const styles = useStyles();
  const all: Choice[] = [{ value: '', label: 'All' }, ...choices];
  return (
    <Field label={label}>
      <Dropdown
        className={styles.dropdown}
        value={all.find((c) => c.value === value)?.label ?? 'All'}
        selectedOptions={[value]}
        onOptionSelect={(_, data) => onChange(data.optionValue ?? '')}
      >
        {all.map((c) => (
          <Option key={c.value || 'all'} value={c.value}>
            {c.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

const statusChoices: Choice[] = [
  ...EXPIRY_BANDS.map((band) => ({ value: band, label: EXPIRY_BAND_LABELS[band] })),
  { value: 'key-vault-failed', label: 'Key Vault refresh failed' },
  { value: 'unknown', label: 'Unreadable' },
];
const kindChoices: Choice[] = (Object.keys(KIND_LABELS) as CertificateKind[]).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

export function InventoryFilters({
  filter,
  onChange,
  subscriptions,
  services,
}: {
  filter: InventoryFilter;
  onChange: (filter: InventoryFilter) => void;
  subscriptions: Choice[];
  services: Choice[];
}) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="search" aria-label="Filter the inventory">
      <Field label="Search">
        <SearchBox
          aria-label="Filter certificates by name, subject, thumbprint, subscription or service"
          value={filter.text}
          onChange={(_, data) => onChange({ ...filter, text: data.value })}
        />
      </Field>
      <Choose label="Kind" value={filter.kind} choices={kindChoices} onChange={(kind) => onChange({ ...filter, kind: kind as InventoryFilter['kind'] })} />
      <Choose
        label="Status"
        value={filter.status}
        choices={statusChoices}
        onChange={(status) => onChange({ ...filter, status: status as InventoryFilter['status'] })}
      />
      <Choose
        label="Subscription"
        value={filter.subscriptionId}
        choices={subscriptions}
        onChange={(subscriptionId) => onChange({ ...filter, subscriptionId })}
      />
      <Choose label="Service" value={filter.serviceName} choices={services} onChange={(serviceName) => onChange({ ...filter, serviceName })} />
    </div>
  );
}
