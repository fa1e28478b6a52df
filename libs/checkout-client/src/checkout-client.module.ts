import { Clock, SystemClock } from '@app/common';
import { HttpModule } from '@nestjs/axios';
import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { CheckoutClientOptions } from './checkout-client.options.js';
import { CheckoutSessionsClient } from './checkout-sessions.client.js';
import { HttpCheckoutSessionsClient } from './http-checkout-sessions.client.js';
import { OAuthTokenProvider } from './oauth-token.provider.js';

export interface CheckoutClientModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: unknown[];
  readonly useFactory: (...args: never[]) => CheckoutClientOptions;
}

/** Checkout's token + Sessions API client. Options come from the app (libs read no env). */
@Module({})
export class CheckoutClientModule {
  static forRootAsync(options: CheckoutClientModuleOptions): DynamicModule {
    return {
      module: CheckoutClientModule,
      // Checkout answers without redirects: one is never followed (the bearer token must not
      // reach another host), which also spares each call axios' redirect-following wrapper.
      imports: [HttpModule.register({ maxRedirects: 0 }), ...(options.imports ?? [])],
      providers: [
        {
          provide: CheckoutClientOptions,
          inject: options.inject as never[],
          useFactory: options.useFactory,
        },
        { provide: Clock, useClass: SystemClock },
        OAuthTokenProvider,
        { provide: CheckoutSessionsClient, useClass: HttpCheckoutSessionsClient },
      ],
      exports: [CheckoutSessionsClient, OAuthTokenProvider],
    };
  }
}
