import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** What Checkout gets back for a callback or webhook it may stop sending. */
@ApiSchema({ name: 'Acknowledgement' })
export class ReceivedResponseDto {
  @ApiProperty({ enum: [true] })
  received: true;
}
