import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup } from '@fluentui/react-components';
import type { UseFormReturn } from 'react-hook-form';
import { GUID_PATTERN } from '../../../lib/guid';
import { checkSecretIdentifier } from '../api/key-vault-identifier';
import type { EditorForm } from './editor-form';

/** A certificate API Management reads from Key Vault: the secret, and the identity it reads it with. */
export function KeyVaultSourceFields({ form, clientIds }: { form: UseFormReturn<EditorForm>; clientIds: string[] | undefined }) {
  const { register, watch, setValue, formState } = form;
  const identity = watch('identity');
  const secretIdentifier = watch('secretIdentifier');
  const secretCheck = secretIdentifier.trim() ? checkSecretIdentifier(secretIdentifier) : null;
  return (
    <>
      <Field
        label="Secret identifier"
        required
        hint="https://{vault}.vault.azure.net/secrets/{name}. Leave the version out to follow the secret as it rotates."
        validationMessage={formState.errors.secretIdentifier?.message}
      >
        <Input
          autoComplete="off"
          {...register('secretIdentifier', {
            validate: (v) => {
              if (form.getValues('source') !== 'keyVault') return true;
              const check = checkSecretIdentifier(v);
              return check.ok ? true : check.problem;
            },
          })}
        />
      </Field>
      {secretCheck?.ok && secretCheck.version && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This identifier names one version</MessageBarTitle>
            The certificate will not rotate automatically: API Management keeps version {secretCheck.version} until you change it. Remove the version to follow
            the latest.
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Client identity">
        <RadioGroup value={identity} onChange={(_, d) => setValue('identity', d.value as EditorForm['identity'])}>
          <Radio value="system" label="System-assigned identity" />
          <Radio value="user" label="User-assigned identity" />
        </RadioGroup>
      </Field>
      {identity === 'user' && (
        <Field
          label="Client id of the user-assigned identity"
          required
          hint={clientIds?.length ? `This service's user-assigned identities: ${clientIds.join(', ')}` : 'This service has no user-assigned identity.'}
          validationMessage={formState.errors.clientId?.message}
        >
          <Input
            autoComplete="off"
            list="apim-identity-client-ids"
            {...register('clientId', {
              validate: (v) =>
                form.getValues('source') !== 'keyVault' || form.getValues('identity') !== 'user' || GUID_PATTERN.test(v.trim())
                  ? true
                  : 'Enter a client id (a GUID).',
            })}
          />
        </Field>
      )}
      <datalist id="apim-identity-client-ids">
        {clientIds?.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </>
  );
}
