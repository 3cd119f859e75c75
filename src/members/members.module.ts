import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users';
import { MembersImportService } from './import/members-import.service';
import { Member } from './member.entity';
import { MemberProfilesReader } from './member-profiles.reader';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), ThemesModule, UsersModule],
  controllers: [MembersController],
  providers: [MembersService, MembersRepository, MembersImportService, DemoSeedService, MemberProfilesReader],
  exports: [MembersService, MembersImportService, DemoSeedService, MemberProfilesReader],
})
export class MembersModule {}
