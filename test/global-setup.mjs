// Jest loads global setup outside its module registry (no moduleNameMapper, no ts-jest ESM), so
// the TypeScript setup is loaded through tsx, which understands the @app/* paths and .js imports.
import { register } from 'tsx/esm/api';

register();
const { prepareE2eDatabases } = await import('./support/e2e-database.ts');

export default prepareE2eDatabases;
