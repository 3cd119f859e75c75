import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, Audited, CurrentPrincipal, type Principal } from '../auth';
import { CreateMemberDto } from './dto/create-member.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberRecordDto } from './dto/member-record.dto';
import { UpdateMemberDto } from './dto/update-member.dto';
import { MembersImportService } from './import/members-import.service';
import { assertMayChange, memberAsSeenBy } from './member-access';
import { MembersService } from './members.service';

export const MEMBERS_IMPORT_PATH = 'members/import';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly importer: MembersImportService,
  ) {}

  @Get()
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'A page of members, filtered; city officials see active members’ public profiles' })
  async list(@Query() query: ListMembersQuery, @CurrentPrincipal() principal: Principal) {
    const officialView = principal.role === 'city_official';
    const page = await this.members.list(officialView ? { ...query, status: 'active' } : query);
    return { ...page, items: page.items.map((member) => memberAsSeenBy(principal, member)) };
  }

  @Post()
  @Audited()
  @Allow('admin', 'secretariat')
  @ApiCreatedResponse({ description: 'The new member' })
  @ApiConflictResponse({ description: 'A member with this id exists' })
  create(@Body() dto: CreateMemberDto) {
    return this.members.create(dto);
  }

  @Post('import')
  @Audited()
  @Allow('admin', 'secretariat')
  @HttpCode(200)
  @ApiBody({ type: [MemberRecordDto], description: 'Members in the record format, created or updated by id, all or nothing' })
  @ApiOkResponse({ description: 'Counts of created, updated and unchanged members' })
  import(@Body() records: unknown) {
    return this.importer.import(records);
  }

  @Get('export')
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ type: [MemberRecordDto], description: 'Every member in the record format, by id' })
  export() {
    return this.importer.export();
  }

  @Get(':id')
  @Allow('admin', 'secretariat', 'city_official')
  @ApiOkResponse({ description: 'The member; other members’ officials see its public profile only' })
  @ApiNotFoundResponse()
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return memberAsSeenBy(principal, await this.members.get(id));
  }

  @Patch(':id')
  @Audited()
  @Allow('admin', 'secretariat', 'own-member')
  @ApiConflictResponse({ description: 'The version is stale; nothing changed' })
  update(@Param('id') id: string, @Body() dto: UpdateMemberDto, @CurrentPrincipal() principal: Principal) {
    assertMayChange(principal, dto);
    return this.members.update(id, dto);
  }

  @Delete(':id')
  @Audited()
  @Allow('admin', 'secretariat')
  @ApiOkResponse({ description: 'The withdrawn member, now inactive; its record is kept' })
  withdraw(@Param('id') id: string) {
    return this.members.withdraw(id);
  }
}
