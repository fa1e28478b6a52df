import { getMetadataStorage } from 'class-validator';

/** The variables an environment class declares (every one carries a validation decorator). */
export function environmentKeys(schema: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}
