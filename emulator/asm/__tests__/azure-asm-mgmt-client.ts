import { createRequire } from 'node:module';

interface OperationResult {
  statusCode: number;
  requestId: string;
}

interface CertificateResult extends OperationResult {
  thumbprint: string;
  created: Date;
}

interface ListResult extends OperationResult {
  subscriptionCertificates: { thumbprint: string; created: Date }[];
}

interface CreateParameters {
  publicKey: Buffer;
  thumbprint: string;
  data: Buffer;
}

/** The parts of the legacy `azure-asm-mgmt` package (no types of its own) that the tests drive. */
interface ManagementCertificateOperations {
  list(callback: Callback<ListResult>): void;
  create(parameters: CreateParameters, callback: Callback<OperationResult>): void;
  get(thumbprint: string, callback: Callback<CertificateResult>): void;
  deleteMethod(thumbprint: string, callback: Callback<OperationResult>): void;
}

type Callback<T> = (error: (Error & { statusCode?: number; code?: string }) | null, result: T) => void;

interface AzureAsmMgmt {
  createCertificateCloudCredentials(credentials: { subscriptionId: string; pem: string }): unknown;
  createManagementClient(credentials: unknown, baseUri: string): { managementCertificates: ManagementCertificateOperations };
}

const azureAsmMgmt = createRequire(import.meta.url)('azure-asm-mgmt') as AzureAsmMgmt;

export type AsmCallError = Error & { statusCode?: number; code?: string };

/** A promise-returning client that authenticates with the certificate and key in `pem`, as Azure's tools did. */
export function managementCertificatesClient(baseUri: string, subscriptionId: string, pem: string) {
  const credentials = azureAsmMgmt.createCertificateCloudCredentials({ subscriptionId, pem });
  const operations = azureAsmMgmt.createManagementClient(credentials, baseUri).managementCertificates;
  const call = <T>(start: (callback: Callback<T>) => void) =>
    new Promise<T>((resolve, reject) => start((error, result) => (error ? reject(error) : resolve(result))));
  return {
    list: () => call<ListResult>((cb) => operations.list(cb)),
    create: (parameters: CreateParameters) => call<OperationResult>((cb) => operations.create(parameters, cb)),
    get: (thumbprint: string) => call<CertificateResult>((cb) => operations.get(thumbprint, cb)),
    delete: (thumbprint: string) => call<OperationResult>((cb) => operations.deleteMethod(thumbprint, cb)),
  };
}
