import { register } from 'tsx/esm/api';

register();
const { releaseE2eDatabases } = await import('./support/e2e-database.ts');

export default releaseE2eDatabases;
