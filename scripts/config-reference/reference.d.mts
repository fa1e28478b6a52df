export const OUTPUT: string;

export interface AppEnvironment {
  readonly title: string;
  readonly file: string;
  readonly className: string;
}
export const APPS: readonly AppEnvironment[];

export interface Setting {
  readonly name: string;
  readonly file: string;
  readonly doc: string;
  readonly rules: { readonly optional: boolean; readonly accepts: string };
  readonly defaultValue: string | number | boolean | undefined;
}
export interface SettingsSection {
  readonly title: string;
  readonly className: string;
  readonly file: string;
  readonly settings: readonly Setting[];
}
export interface AppSettings {
  readonly title: string;
  readonly file: string;
  readonly sections: readonly SettingsSection[];
}

export function environmentSettings(root: string): AppSettings[];
export function configurationReference(
  root: string,
  apps?: readonly AppSettings[],
): Promise<string>;
