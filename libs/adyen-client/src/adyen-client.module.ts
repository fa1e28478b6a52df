import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { AdyenAuthenticationClient } from './adyen-authentication.client.js';
import { AdyenClientOptions } from './adyen-client.options.js';

export interface AdyenClientModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: unknown[];
  readonly useFactory: (...args: never[]) => AdyenClientOptions;
}

/** Adyen's standalone-authentication client. Options come from the app (libs read no env). */
@Module({})
export class AdyenClientModule {
  static forRootAsync(options: AdyenClientModuleOptions): DynamicModule {
    return {
      module: AdyenClientModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: AdyenClientOptions,
          inject: options.inject as never[],
          useFactory: options.useFactory,
        },
        AdyenAuthenticationClient,
      ],
      exports: [AdyenAuthenticationClient],
    };
  }
}
