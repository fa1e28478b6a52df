import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many rows of one outside input event (a callback, a browser notification…) the
 * timeline holds for an authentication: the counter that caps them, taken row by row
 * (`cappedInputCtes`), so concurrent inputs cannot overshoot the cap.
 */
@Entity({ name: 'authentication_input_counts' })
export class AuthenticationInputCountEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_authentication_input_counts' })
  authenticationId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_authentication_input_counts' })
  event: string;

  @Column({ type: 'integer' })
  recorded: number;
}
