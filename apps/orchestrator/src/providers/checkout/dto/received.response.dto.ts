import { ApiProperty } from '@nestjs/swagger';

/** What Checkout gets back for a callback or webhook it may stop sending. */
export class ReceivedResponseDto {
  @ApiProperty({ enum: [true] })
  received: true;
}
