import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { DEMO_SUBSCRIPTIONS } from './demo-ids.ts';
import { summarizeCertificate } from '../../certificates/certificate-summary.ts';
import { openCertificateFile } from '../../certificates/open-certificate-file.ts';
import { putSecret } from '../store/key-vault-secret-store.ts';
import { formatAzureDate } from '../common/azure-dates.ts';
import { insertCertificate, type KeyVaultState } from '../store/apim-certificate-store.ts';
import type { ServiceKey } from '../store/apim-service-store.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;

/** Fixed names of the API Management demo data, for tests, the README and the app's e2e specs. */
export const APIM_DEMO = {
  production: {
    subscriptionId: DEMO_SUBSCRIPTIONS.production.id,
    resourceGroup: 'rg-apim-prod',
    service: 'contoso-apim',
    partnerService: 'contoso-partners',
    /** The one user-assigned identity of contoso-apim. */
    userIdentityClientId: '6f1d0000-0000-4000-8000-0000000001d1',
  },
  development: {
    subscriptionId: DEMO_SUBSCRIPTIONS.development.id,
    resourceGroup: 'rg-apim-dev',
    service: 'contoso-apim-dev',
  },
  vault: 'contoso-prod-kv',
  devVault: 'contoso-dev-kv',
  /** Key Vault secrets: `gateway-cert` has two versions; `deleted-cert` is missing; `restricted-cert` is forbidden. */
  secrets: {
    gatewayOldVersion: '0a1b2c3d4e5f40718293a4b5c6d7e8f9',
    gatewayVersion: '1b2c3d4e5f6a41829304b5c6d7e8f9a0',
    paymentsVersion: '2c3d4e5f6a7b4293a415c6d7e8f9a0b1',
    restrictedVersion: '3d4e5f6a7b8c43a4b526d7e8f9a0b1c2',
    devVersion: '4e5f6a7b8c9d44b5c637e8f9a0b1c2d3',
  },
  /** Used by a policy, so DELETE answers 400 naming it. */
  certificateInUse: 'backend-mtls',
  policyUsingIt: 'Orders API: inbound policy (authentication-certificate)',
} as const;

interface DemoCertificate {
  service: ServiceKey;
  id: string;
  subject: string;
  /** Days from now; negative: already expired. */
  expiresInDays: number;
}

const prod = APIM_DEMO.production;
const dev = APIM_DEMO.development;
const main: ServiceKey = { subscriptionId: prod.subscriptionId, resourceGroup: prod.resourceGroup, serviceName: prod.service };
const partners: ServiceKey = { subscriptionId: prod.subscriptionId, resourceGroup: prod.resourceGroup, serviceName: prod.partnerService };
const devService: ServiceKey = { subscriptionId: dev.subscriptionId, resourceGroup: dev.resourceGroup, serviceName: dev.service };

const uploaded: DemoCertificate[] = [
  { service: main, id: 'backend-mtls', subject: 'C=US, O=Contoso Ltd, CN=orders-backend.contoso.com', expiresInDays: 300 },
  { service: main, id: 'payments-client', subject: 'C=US, O=Contoso Ltd, OU=Payments, CN=payments-client.contoso.com', expiresInDays: 700 },
  { service: main, id: 'partner-gateway', subject: 'C=US, O=Contoso Ltd, CN=partner-gateway.contoso.com', expiresInDays: 12 },
  { service: main, id: 'inventory-backend', subject: 'C=DE, O=Contoso GmbH, CN=inventory.contoso.de', expiresInDays: 25 },
  { service: main, id: 'legacy-soap-client', subject: 'C=US, O=Contoso Ltd, CN=soap.legacy.contoso.com', expiresInDays: -40 },
  { service: partners, id: 'fabrikam-client', subject: 'C=US, O=Fabrikam Inc, CN=api.fabrikam.com', expiresInDays: 400 },
  { service: partners, id: 'northwind-client', subject: 'C=GB, O=Northwind Traders, CN=gateway.northwind.example', expiresInDays: -3 },
  { service: partners, id: 'tailspin-client', subject: 'C=US, O=Tailspin Toys, CN=b2b.tailspin.example', expiresInDays: 5 },
  { service: devService, id: 'dev-selfsigned', subject: 'CN=localhost-dev.contoso.com', expiresInDays: 180 },
  { service: devService, id: 'dev-expired', subject: 'CN=old-dev.contoso.com', expiresInDays: -200 },
  { service: devService, id: 'dev-expiring', subject: 'CN=staging.contoso.com', expiresInDays: 29 },
];

/** Key Vault certificate secrets, made once with `openssl pkcs12 -export -passout pass:` (P-256 keys, AES): generating keys at seed time costs seconds. */
const KEY_VAULT_PFX = {
  gatewayOld: [
    'MIIETAIBAzCCBAIGCSqGSIb3DQEHAaCCA/MEggPvMIID6zCCAqIGCSqGSIb3DQEHBqCCApMwggKPAgEAMIICiAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBK',
    'MCkGCSqGSIb3DQEFDDAcBAhallu1XMsVmgICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEED0sAK4zAXToKxkoGTwr1l+AggIg4KmimL89OnhJWytv',
    'msS8Fa5zraMMdm+NFk5cxIifaNRJiNfuKGbJQwBlokcYY52Vq0ptnbK1fYd6glYG/mPjBerKhM/J13XWShFS9OYyhv0vsLmDOnOWM0O4/PllbuWEDpcYgszf',
    'D8+vjBqNzBlaO5q/QaM/qjogYhNrmjj04UzmeB49McZurvLnfeTBZFu5dBFW77hVU8F1/nAhfq6i9XcuzwOnUMih7Y2sZ5IVEMMnIdiStjEAXhwiqJEwCKcN',
    'lID1fRUJbO4kV1c0UCipFVk3mJJPdZa8d0TXtpDn5a6BpVzGBLDnjqTrm1l5orjTy0iLZVdAaxQzDppVOrox2vOdhFAkrXiCP6ONmU/7mPJ2IrAjG+QfrJKF',
    'Rs9W1oCpLDtDlSWdmIAOInTGt76VrpKkVUJLzk2GDR5RZ5zoqpBmh9PR2YVGkV65EIKZeXzyYsyKgxPiTE1IafFhpltfhARXQiQozdpQIFGlEl8eK8KfKGI9',
    'zlDRaxCNzqoovi0UBRhIUKAYlysCos8CKISqOwdo6ozQFe+v2ovnNheY2wVPaR8Ru1OofF7YjSXE/y+KX1gn/OsZjYhYagR4yv5F28RnCI1GJiJ83G1fyk2R',
    'GJxTGAKkZbYVrLpFnp6rHrRjC1lcnGeowoae26zMa+CdND6+xXz1bM6ku4Rf1LfRKh3KgI2W9U8Vj9EOnkmY2bIM3TRXjIt9Ala44W7lq5Y8kjCCAUEGCSqG',
    'SIb3DQEHAaCCATIEggEuMIIBKjCCASYGCyqGSIb3DQEMCgECoIHvMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAidffZUu9jW2AICCAAwDAYI',
    'KoZIhvcNAgkFADAdBglghkgBZQMEASoEEAW/upuKpPsV6DA6m4XNQ78EgZAom3QotBkwB6K45ML8JBuJ/0EC5tt3HPaJ+YJsXvHm37v7MIv1hTg3ipc89iY7',
    '2YEo8c9auiR6hd3H9CY55LZZ+8dgsWMXOTy31A60PuoR0g0+1G4nj0Ga7+SPYRAauPLD0M1RmY+P2thUuwm1VBdgdPJGBn7NcFU54p3WPR/5TDQ3km+j2PxH',
    '+nQ8dJqtwcAxJTAjBgkqhkiG9w0BCRUxFgQUZqe48ffY+gjp3ItC3S5PBkspoEIwQTAxMA0GCWCGSAFlAwQCAQUABCAu6FDVWKNJIW1xyXQrwW0KIqi1vm/X',
    'RRJXf7PqTGGzigQI5fGxidhFYucCAggA',
  ].join(''),
  gateway: [
    'MIIETAIBAzCCBAIGCSqGSIb3DQEHAaCCA/MEggPvMIID6zCCAqIGCSqGSIb3DQEHBqCCApMwggKPAgEAMIICiAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBK',
    'MCkGCSqGSIb3DQEFDDAcBAh16FoU1BidoQICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEHf/EpdQxurdDHxEGDkmiqyAggIgtNZwh5cp3i2nRgOM',
    'D0RqETLWOkp77eeGwN2HLvk4wctMSnS706xWFq/zrjgAIKNJNcx8z2bzzQHT3T1u4Gu2InRDJ27vpSixK7aKpDBcV5kU+GzOZG/2u8w5ywWj6gkz4/XO19BM',
    'd4rbEQCDnjBk2YpbezA9+SRgMDqSNvZQXk263IYx+KeNko35f+NTD0DuZ/qQSToapAGOJ5geBrmJ84IXiCiQTW7uouB0M0WkJ3Eosy8014FOkGxCQ6xrwTHu',
    'Fr/RoBot3PUY90xmhl67qF05mu5l7bjD2c8MMx/P4ngS0LuCIRQt6XLZ4GM+/wM3X1T77X2J7yn/W8FWYcAgJckFIVHJGlXzJC6cIyaJbueXYQ1dwPx4i5eX',
    '5ZU/6b17WwCziYFXlnduXObDDBqhbN9USTJqDREMA78VwYi7b0qx5J8jpHwJCMMUowHnTV21zCVIG+E1OkQqKkJegEcpYEoMNr60ecAGkAj1FhmikKL4+f8u',
    '/+55dOf98oaXBLiwR0knxnT1tmgcHd4c60i88BHwztvc3YX6yNBSubobc/YLJzQatHHZkbcdvjR2WNAk5QHMEJSS5r72jfXnfYeVPJs9UB3eroIU7phhsUDf',
    '57whDKnqyw3/aYt+LsYCLo5f35nkhD3iEjfUDz3kQlZa4AlK+92DTqnrJyUYyA9G22xSCuZ1GUPEBr3NyDZPU48AA+etMiTvqFgffj+KkXcFzjCCAUEGCSqG',
    'SIb3DQEHAaCCATIEggEuMIIBKjCCASYGCyqGSIb3DQEMCgECoIHvMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjVuLFSCQlDjgICCAAwDAYI',
    'KoZIhvcNAgkFADAdBglghkgBZQMEASoEEK6FD9xKhnRUGYc6+zkF9esEgZBOkTe2KKUuv9+XE2Em9UwTKoTF7+M12Z1mAiaayQNYMaS5M1JZ/lltDdzdfmi8',
    'zqd/39CgX5rkJW7wG56K1ihJaeix+RHUsjfNpLSj/39xoIOfSyPPQZAocf9PFf63nkrRbeTgi2CHtr//LlyOjai8VVCq0uMvQU6WVHVmVaY8Dl0GDN71yzG3',
    'gNjIwQZQBvQxJTAjBgkqhkiG9w0BCRUxFgQUWyQnbPI27H4MkNoFnomAheL6mNQwQTAxMA0GCWCGSAFlAwQCAQUABCDLyVDY0rmXDAAWomFOOpvkeM4Pr3KC',
    'LRvQpuzod5m3pAQImJJU840ZhoUCAggA',
  ].join(''),
  payments: [
    'MIIETAIBAzCCBAIGCSqGSIb3DQEHAaCCA/MEggPvMIID6zCCAqIGCSqGSIb3DQEHBqCCApMwggKPAgEAMIICiAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBK',
    'MCkGCSqGSIb3DQEFDDAcBAj6Wu/ESi6KtgICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEAlbPR64S0efmhBhy1NG6zWAggIgdZzpekazxDwWOb42',
    'w3aAOqgBDbMHKiA4fC/AUqA23hTZcQgmwSXkkZM7OOM+vBwa4TzWUlqGUnWxrptXAW2lLakxFRgut9w25l/BJe3zLwQQBovvW9voNZ4ENZbxZ/laCrbHK3Ws',
    '5e4LIKW2kksvlOTO5zkE0EXz//ZvnZ9uB9wHICHuzQERapQ8D227NW88r5NqL1B3AIFXSETXu99rBmgTG9zsi+osJWtpZuHh1I/eFUPsagxamAbaVXvD0tAN',
    '/J8kaeQKOJWjfljSrK92ontVk2HJmIjjnZgcwQHNc7GRbFtA+xWqM5gD3UUFqNUMSbnYX6W3U+aouY65fFcgVH1+jy7Krwi1YAZ5e+rDOJRv1XPVcA/zCK22',
    '3vTPZc9n2eRyHRWv3OmAe8O88rlMCMP0hQV9RxBO4EJ3i4pM1/ak1mSAKjyrgMdYeCka8bdbTL5XIDqOVuyyuvi8C8ngX93M0607lQqmU/z+5k3Rqcy3zKGC',
    'MViGXNkWo23ioi68WrDYx00FXuIUgjJGDnjzF3q9ypFR27i8TSghGu4lLgzEAp+y7PaFcLJY5Gt7w/etzLT5vW71+gl66xNmNU3lLFwruINHC8H9PAVLq5PK',
    '9g3AYXRB6pXWnX0ywGAi2U3qFIH69L8iCBf9AI3PwtjAbW/MUjiCK8ZuZYVzKNzkoFAakxWrN18hrwJQ9q6gK6FYtAj98/+2ArvOZA6I8E5QHDCCAUEGCSqG',
    'SIb3DQEHAaCCATIEggEuMIIBKjCCASYGCyqGSIb3DQEMCgECoIHvMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjAVu48Esw6UQICCAAwDAYI',
    'KoZIhvcNAgkFADAdBglghkgBZQMEASoEEOulv395cuP7EhCAnoAMjRwEgZAkRs4lOW0C1DfdahfOE00SZdUh5VflUnXq7oxegINN5ovhFbLupTiIS6Alilt/',
    'EKVOvND8x27IDyuWYqmhWw8imZ7y4lQpR1Z/SyhNJoDY4qKuZ8qh6LbGECmYbAGdoodtCyO3/b5Q/jX69eil2qWLIoPrP45NCE2SQHZ2RfowWWwkqD35I5MO',
    'NqsNxB/KEucxJTAjBgkqhkiG9w0BCRUxFgQUk/uDymweqsDKbeVoyOowQniSgRAwQTAxMA0GCWCGSAFlAwQCAQUABCCmY+HpXPU2ozMulQ2iAKQlSoFAN7H7',
    'rkTCyG7OPesIBAQIqrIGNyAwdUsCAggA',
  ].join(''),
  restricted: [
    'MIIETAIBAzCCBAIGCSqGSIb3DQEHAaCCA/MEggPvMIID6zCCAqIGCSqGSIb3DQEHBqCCApMwggKPAgEAMIICiAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBK',
    'MCkGCSqGSIb3DQEFDDAcBAgvvUj0tNK+7QICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEM1pqDQ5q1+6noAl4rMMMkeAggIgpWMuWlTW0kV8htYk',
    'pqErbmjoYulESxLfUkaorwf+BNVP76SsURqqEbXCW+8wdokp1+YpeMzlsGg3BAhCsQPuiitnTMFwT7pltSIIArQ3OF8hfUpyYryRrKvg0Hi0lyj7IKFiqphH',
    'XSaF5rst7JVIN+TXbbJveiME64Gex0YHy1aPiZiHRU9lyHlGNbEU8SEDL5w2dhpLXgW5ZuSVH067hiZqiwXvGk+kdZWXjwwSB+buhAHm8QjXGGOQxcdGMczh',
    'THj7PtBlU4+lKehD26TmZKDbbQB/dpcBMb1EGV+DB/pP0RdeN0lX1q4Of7GMYBJCp9JgBYRgaVxQMVOE+htQWj7W8BbCK6XQQ4syoWrIbNg8Caobq03kB3oe',
    'u1wCt1J/+XrQPR3+31O0/ip+9DXZuHo6HghX6rHP5VBLiFG+whUtNlNp+LVjdlOt2++o2pMXX7XE+1OqOC8qn4SA8YBbsbOTj9IUOWDu/wG6r/vQso0rpG+1',
    'r0e4lqfFl/7O0V8G0sZT8vqRFAXGyMl6QotpjSqdLgM1+jdJ0ldIsV63vJDk0+dnGlmV9Td9nogGD4OTMgvuPpP7vzCXphI/NqbqVtzXmR2WUNUgDkT9C6x5',
    '3u0DoukqbjYYMVrhTRAOWSJTg7/gYvhKKVzfp+dRoN+2BQMXkqoAGvNd7HaHYVL4njHoprTkLto+RBHw83mfoD/aaLB5N3khnC7wUK7GPYqEiTCCAUEGCSqG',
    'SIb3DQEHAaCCATIEggEuMIIBKjCCASYGCyqGSIb3DQEMCgECoIHvMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjNu/KHjt7xvgICCAAwDAYI',
    'KoZIhvcNAgkFADAdBglghkgBZQMEASoEEC4i+MKZZd7rnEPEDHC154AEgZBGxpSAs4xUXICrukeX5jMnkHAkqMEcf6IZL2p3PXpHo2+hspYWl5tqKlPA1HU3',
    'dvqstxJOaieWmYlRzdMystQV6qSNyQAzVR2+QEl4WWYqeTWUttnKcW1ciV6Bd2ZPLNq1/T+a0jmqfxArMK/xVy7gPzvYMT0TvlDQ+nERKgpLwaiEvSn7lUD+',
    '4vCRZsd7JIcxJTAjBgkqhkiG9w0BCRUxFgQUF9Xo4nm6mMrbjjva2UgvRTdoKEswQTAxMA0GCWCGSAFlAwQCAQUABCB5203gYJbDa8Q7Qq664BEAkbSPenn4',
    'cBxtUceZRMnq0wQIEreucCjkV0ACAggA',
  ].join(''),
  dev: [
    'MIIETAIBAzCCBAIGCSqGSIb3DQEHAaCCA/MEggPvMIID6zCCAqIGCSqGSIb3DQEHBqCCApMwggKPAgEAMIICiAYJKoZIhvcNAQcBMFcGCSqGSIb3DQEFDTBK',
    'MCkGCSqGSIb3DQEFDDAcBAh3xJZ7JNZwjAICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEExfeDVI/WnUDr/MHhtlMmqAggIgTQqNm5iTRHc+Z2zs',
    'uYppFRbh4m24N6n5cDvjjAMOg7ykIk4IcRwn1ZZKTtuGeINYJnguOpw9I4Et2UzX/ql3+zI5b+iU8WEWlMyrZiA/3z/OssdoUSPLm2SKtMbnPTRI6Zaw4YBX',
    'u5UZL6AB8ClqTILVeqdCYUcVjCxZx9y3RHJYG8HbwbyvBpCFMSRQYPy0QsV2wLbY/hVz0F1+DX4GznO07PdvFUG1cEybpjgeQRsreco9yjeyAEz2U5WS/qFW',
    'eJ3XxP73SK0ssPiGHwDV3pDfA/LyhcY++PZypHY5SKnOCUtvrMSiV1nE37JrwyvEJL3SjsfuVX4rgXVb9WfEzNC9knqQJkFB+GcmTQgjk1VpHOKuV25/awTl',
    '9fV5EFbo01roKb01dwUf/V527DQuyqzpipCO4mMi/I7T2CLYDpz76osChCnwe7Y/1S/66k8cOCT5vGFeXwYiWYbNnBnyWIC+VXSj1VXyQbl5zLYpoZQ0q8yY',
    'YprcO2gu8jYBNXPJEdSIE1ex+Rcqx182oQCIq9Qj6u1YpcJH/YTTeo2/l3/IKYfL3DfhPWsWJdF2dd44Ikt7mNm0xUm0aMHiwZva+JOtfM44NGov1ffMXYG3',
    'tn1twucGuk6+QOAzDjXDfoDiE5zT2ZkbTDfXlPG2gq47VfMWsZtvz2oaJHtdV3n9ybF7V1WG+qZmeZGj0+q9FEhhmji+s2BiJ3WV8s+NRHuF7jCCAUEGCSqG',
    'SIb3DQEHAaCCATIEggEuMIIBKjCCASYGCyqGSIb3DQEMCgECoIHvMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiEhwAaCibjuQICCAAwDAYI',
    'KoZIhvcNAgkFADAdBglghkgBZQMEASoEEOyfOpvmCVVJV6NBia/EvhcEgZBoo9Y4mtVm2Z5t9pVH9YlUohd1887o/FLc/NK3GeewudiTvdR56gtEXBmMvXOH',
    '9hT9ZKaSKr4ypAe2gJGsyAHe1DADGncls/n/1st37yU6ynlzlU8y7uVIBMU9235Cge7npZ/f44i8aPtS1pBNwFXsJeDAmhtM4IRoMNBpxeXMUn9zc6gb2jhQ',
    'dirLSFN8mO0xJTAjBgkqhkiG9w0BCRUxFgQUPLvn8hTWB2T3M3gLpHIwhXBEgOMwQTAxMA0GCWCGSAFlAwQCAQUABCC7YmIVcNxjzy6wG2/STyd1QlrMERUf',
    'HC8q0GqY9faSdgQIzj2H9lTAclcCAggA',
  ].join(''),
};

/** Certificates signed with one shared key: the seed must be fast, and nothing here uses the key. */
async function makeCertificate(key: CryptoKeyPair, subject: string, notAfter: Date): Promise<Uint8Array> {
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^./, '4'),
    name: subject,
    notBefore: new Date(notAfter.getTime() - 730 * DAY),
    notAfter,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    keys: key,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth])],
  });
  return new Uint8Array(certificate.rawData);
}

/** Resource groups, three API Management services, ~15 certificates and the Key Vault secrets behind some of them. */
export async function seedApimDemo(db: Db): Promise<void> {
  const now = new Date();
  const key = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const openPfx = async (base64: string) => {
    const pfx = Buffer.from(base64, 'base64');
    return { pfx, summary: (await openCertificateFile(pfx, { password: '' })).leaf };
  };
  const [certificates, gatewayOld, gateway, payments, restricted, devKv] = await Promise.all([
    Promise.all(
      uploaded.map(async (c) => ({
        demo: c,
        summary: await summarizeCertificate(await makeCertificate(key, c.subject, new Date(now.getTime() + c.expiresInDays * DAY))),
      })),
    ),
    openPfx(KEY_VAULT_PFX.gatewayOld),
    openPfx(KEY_VAULT_PFX.gateway),
    openPfx(KEY_VAULT_PFX.payments),
    openPfx(KEY_VAULT_PFX.restricted),
    openPfx(KEY_VAULT_PFX.dev),
  ]);

  db.transaction(() => {
    const group = db.prepare('INSERT OR IGNORE INTO resource_groups (subscription_id, name, location) VALUES (?, ?, ?)');
    group.run(prod.subscriptionId, prod.resourceGroup, 'westeurope');
    group.run(prod.subscriptionId, 'rg-networking', 'westeurope');
    group.run(dev.subscriptionId, dev.resourceGroup, 'northeurope');
    const service = db.prepare(
      `INSERT OR IGNORE INTO apim_services (subscription_id, resource_group, name, location, sku_name, sku_capacity, publisher_email, publisher_name, user_identity_client_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    service.run(
      prod.subscriptionId,
      prod.resourceGroup,
      prod.service,
      'West Europe',
      'Premium',
      1,
      'api-team@contoso.com',
      'Contoso',
      JSON.stringify([prod.userIdentityClientId]),
    );
    service.run(
      prod.subscriptionId,
      prod.resourceGroup,
      prod.partnerService,
      'West Europe',
      'Standard',
      1,
      'partners@contoso.com',
      'Contoso Partner Program',
      '[]',
    );
    service.run(dev.subscriptionId, dev.resourceGroup, dev.service, 'North Europe', 'Developer', 1, 'dev-team@contoso.com', 'Contoso Dev', '[]');

    const secretAt = (days: number) => new Date(now.getTime() - days * DAY);
    putSecret(db, {
      vault: APIM_DEMO.vault,
      name: 'gateway-cert',
      version: APIM_DEMO.secrets.gatewayOldVersion,
      value: gatewayOld.pfx,
      createdAt: secretAt(300),
    });
    putSecret(db, { vault: APIM_DEMO.vault, name: 'gateway-cert', version: APIM_DEMO.secrets.gatewayVersion, value: gateway.pfx, createdAt: secretAt(10) });
    putSecret(db, { vault: APIM_DEMO.vault, name: 'payments-cert', version: APIM_DEMO.secrets.paymentsVersion, value: payments.pfx, createdAt: secretAt(1) });
    putSecret(db, {
      vault: APIM_DEMO.vault,
      name: 'restricted-cert',
      version: APIM_DEMO.secrets.restrictedVersion,
      value: restricted.pfx,
      access: 'forbidden',
      createdAt: secretAt(100),
    });
    putSecret(db, { vault: APIM_DEMO.devVault, name: 'dev-cert', version: APIM_DEMO.secrets.devVersion, value: devKv.pfx, createdAt: secretAt(0) });

    const exists = db.prepare('SELECT 1 FROM apim_certificates WHERE subscription_id = ? AND resource_group = ? AND service_name = ? AND certificate_id = ?');
    const add = (
      service: ServiceKey,
      id: string,
      summary: { subject: string; thumbprintSha1: string; notAfter: Date; der: Uint8Array },
      keyVault: KeyVaultState | null,
    ) => {
      if (exists.get(service.subscriptionId, service.resourceGroup, service.serviceName, id)) return;
      insertCertificate(
        db,
        service,
        id,
        {
          subject: summary.subject,
          thumbprint: summary.thumbprintSha1,
          expirationDate: formatAzureDate(summary.notAfter),
          keyVault,
          data: Buffer.from(summary.der),
        },
        now,
      );
    };
    for (const { demo, summary } of certificates) add(demo.service, demo.id, summary, null);

    const vaultUrl = (vault: string, name: string, version?: string) => `https://${vault}.vault.azure.net/secrets/${name}${version ? `/${version}` : ''}`;
    const checked = formatAzureDate(new Date(now.getTime() - 3600_000));
    const success = { code: 'Success', timeStampUtc: checked };
    add(main, 'kv-gateway', gateway.summary, { secretIdentifier: vaultUrl(APIM_DEMO.vault, 'gateway-cert'), identityClientId: null, lastStatus: success });
    add(main, 'kv-payments-pinned', payments.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'payments-cert', APIM_DEMO.secrets.paymentsVersion),
      identityClientId: prod.userIdentityClientId,
      lastStatus: success,
    });
    // Both were fetched once, then the secret went away or access was revoked: the last good certificate stays.
    add(main, 'kv-deleted-secret', gatewayOld.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'deleted-cert'),
      identityClientId: null,
      lastStatus: {
        code: 'SecretNotFound',
        message: `Key Vault has no secret '${vaultUrl(APIM_DEMO.vault, 'deleted-cert')}': it was deleted, or the name or version is wrong.`,
        timeStampUtc: checked,
      },
    });
    add(main, 'kv-no-access', restricted.summary, {
      secretIdentifier: vaultUrl(APIM_DEMO.vault, 'restricted-cert'),
      identityClientId: null,
      lastStatus: {
        code: 'Forbidden',
        message: `Key Vault denied the service's system-assigned identity access to secret '${vaultUrl(APIM_DEMO.vault, 'restricted-cert')}': the identity lacks the 'get' permission on secrets (grant the 'Key Vault Secrets User' role or an access policy).`,
        timeStampUtc: checked,
      },
    });
    add(devService, 'kv-dev', devKv.summary, { secretIdentifier: vaultUrl(APIM_DEMO.devVault, 'dev-cert'), identityClientId: null, lastStatus: success });

    const reference = db.prepare(
      'INSERT OR IGNORE INTO apim_certificate_references (subscription_id, resource_group, service_name, certificate_id, kind, name) VALUES (?, ?, ?, ?, ?, ?)',
    );
    reference.run(main.subscriptionId, main.resourceGroup, main.serviceName, APIM_DEMO.certificateInUse, 'policy', APIM_DEMO.policyUsingIt);
    reference.run(main.subscriptionId, main.resourceGroup, main.serviceName, 'inventory-backend', 'backend', 'inventory-service');
  })();
}
