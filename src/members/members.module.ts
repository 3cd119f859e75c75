import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThemesModule } from '../themes/themes.module';
import { MembersImportService } from './import/members-import.service';
import { Member } from './member.entity';
import { MemberProfilesReader } from './member-profiles.reader';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), ThemesModule],
  controllers: [MembersController],
  providers: [MembersService, MembersImportService, DemoSeedService, MemberProfilesReader],
  exports: [MembersService, MembersImportService, DemoSeedService, MemberProfilesReader],
})
export class MembersModule {}
