import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThemesModule } from '../themes/themes.module';
import { UsersModule } from '../users';
import { MembersImportService } from './import/members-import.service';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), ThemesModule, UsersModule],
  controllers: [MembersController],
  providers: [MembersService, MembersImportService, DemoSeedService],
  exports: [MembersService, MembersImportService, DemoSeedService],
})
export class MembersModule {}
