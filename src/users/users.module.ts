import { Module } from '@nestjs/common';
import { MemberContactsService } from './member-contacts.service';
import { DemoUsersService } from './seed/demo-users.service';
import { MemberUsersController, UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** People: e-mail, role, member and digest settings. Members' contacts are kept in step through MemberContactsService. */
@Module({
  controllers: [UsersController, MemberUsersController],
  providers: [UsersRepository, UsersService, MemberContactsService, DemoUsersService],
  exports: [UsersService, MemberContactsService, DemoUsersService],
})
export class UsersModule {}
