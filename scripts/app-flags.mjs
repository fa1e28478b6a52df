// How every npm script starts a built app: node with source maps and, outside production, the
// development defaults of config/development.env (variables already set win over the file).
// With NODE_ENV=production no file of defaults is read: only the environment configures the
// app (docs/going-live.md#what-production-refuses).

export const DEVELOPMENT_ENV_FILE = 'config/development.env';

/** Node's flags for an app process started with `env`. */
export function appNodeFlags(env = process.env) {
  return [
    '--enable-source-maps',
    ...(env.NODE_ENV === 'production' ? [] : [`--env-file-if-exists=${DEVELOPMENT_ENV_FILE}`]),
  ];
}
