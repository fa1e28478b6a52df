import type { ThreeDsProvider } from '@app/domain';
import type { ChannelDataDto } from '../authentications/dto/channel-data.request.dto.js';
import type { CreateAuthenticationRequestDto } from '../authentications/dto/create-authentication.request.dto.js';

/** The provider port with this API's bodies: every adapter takes the team's requests as sent. */
export type ProviderPort = ThreeDsProvider<CreateAuthenticationRequestDto, ChannelDataDto>;
