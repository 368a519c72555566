import { careCommunicationCategories } from '@samkraft/contracts/carecommunication-categories';

/** MedCom's CareCommunication categories (the list lives in the contracts: the web offers it too). */
export { careCommunicationCategories, type CareCommunicationCategory } from '@samkraft/contracts/carecommunication-categories';

/** The category with this code (compared case-insensitively), or undefined. */
export function careCommunicationCategory(code: string | undefined) {
  if (code === undefined) return undefined;
  const lower = code.toLowerCase();
  return careCommunicationCategories.find((c) => c.code === lower);
}
