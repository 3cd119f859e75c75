import { Body, Controller, Delete, Get, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../policies/access-policy';
import { Audited } from '../audit/audited.decorator';
import { CurrentPrincipal, type Principal } from '../principal';
import { CreateTokenDto } from './dto/create-token.dto';
import { TokensService } from './tokens.service';

@ApiTags('tokens')
@ApiBearerAuth()
@Allow('admin')
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @Audited()
  @ApiCreatedResponse({ description: 'The new token with its secret, shown this once and never again' })
  create(@Body() dto: CreateTokenDto, @CurrentPrincipal() principal: Principal) {
    return this.tokens.create(dto, principal.id);
  }

  @Get()
  @ApiOkResponse({ description: 'Every token, active, expired or revoked, without secrets' })
  list() {
    return this.tokens.list();
  }

  @Delete(':tokenId')
  @Audited()
  @ApiOkResponse({ description: 'The revoked token; it stops working at once' })
  @ApiNotFoundResponse()
  revoke(
    @Param('tokenId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException({ message: 'token not found' }) })) tokenId: string,
  ) {
    return this.tokens.revoke(tokenId);
  }
}
