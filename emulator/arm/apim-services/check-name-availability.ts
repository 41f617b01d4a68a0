import { json, type ArmOperation } from '../arm-context.ts';
import { validationError } from '../apim-errors.ts';
import { readJsonObject } from '../read-json-object.ts';
import { checkServiceName } from '../path-parameters.ts';
import { serviceNameTaken } from '../../store/apim-service-store.ts';
import { ArmError } from '../../common/arm-error.ts';

/** POST `.../providers/Microsoft.ApiManagement/checkNameAvailability` `{name}`: Valid, Invalid or AlreadyExists, across every subscription. */
export const checkNameAvailability: ArmOperation = (context) => {
  const { name } = readJsonObject(context.request);
  if (typeof name !== 'string') throw validationError('name', 'name is required: the service name to check.');
  try {
    checkServiceName(name);
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    return json(200, { nameAvailable: false, reason: 'Invalid', message: error.message });
  }
  if (serviceNameTaken(context.env.db, name)) return json(200, { nameAvailable: false, reason: 'AlreadyExists', message: `${name} is already in use.` });
  return json(200, { nameAvailable: true, reason: 'Valid', message: '' });
};
