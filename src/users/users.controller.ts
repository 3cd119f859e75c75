import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited, Allow, CurrentPrincipal, type Principal } from '../auth';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { userNotFound, UsersService } from './users.service';

const userIdPipe = new ParseUUIDPipe({ exceptionFactory: () => userNotFound('(not a user id)') });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'A page of users; a city official sees its own member’s users' })
  list(@Query() query: ListUsersQuery, @CurrentPrincipal() principal: Principal) {
    return this.users.list(query, principal);
  }

  @Post()
  @Audited()
  @Allow('admin', 'secretariat')
  @ApiCreatedResponse({ description: 'The new user' })
  @ApiConflictResponse({ description: 'A user with this address exists' })
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Get(':userId')
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The user; a city official reads its own member’s users only' })
  @ApiNotFoundResponse()
  get(@Param('userId', userIdPipe) userId: string, @CurrentPrincipal() principal: Principal) {
    return this.users.get(userId, principal);
  }

  @Patch(':userId')
  @Audited()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The changed user; a city official changes its own name and digest settings only' })
  @ApiConflictResponse({ description: 'The version is stale, or the address belongs to another user; nothing changed' })
  update(@Param('userId', userIdPipe) userId: string, @Body() dto: UpdateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.users.update(userId, dto, principal);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('members/:id/users')
export class MemberUsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Allow('admin', 'secretariat', 'own-member')
  @ApiOkResponse({ description: 'The member’s users, with their digest settings' })
  list(@Param('id') memberId: string, @Query() query: ListUsersQuery, @CurrentPrincipal() principal: Principal) {
    return this.users.list({ ...query, memberId }, principal);
  }
}
