import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';

export class SignInLinkRequestDto {
  @ApiProperty({ example: 'maria.santos@iloilocity.gov.ph' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @Length(3, 254)
  email: string;
}

export class OpenSessionDto {
  @ApiProperty({ description: 'The token of the sign-in link (its ?token= part)' })
  @IsString()
  @Length(1, 200)
  token: string;
}
