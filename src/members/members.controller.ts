import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateMemberDto } from './dto/create-member.dto';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberRecordDto } from './dto/member-record.dto';
import { UpdateMemberDto } from './dto/update-member.dto';
import { MembersImportService } from './import/members-import.service';
import { MembersService } from './members.service';

export const MEMBERS_IMPORT_PATH = 'members/import';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly importer: MembersImportService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'A page of members, filtered' })
  list(@Query() query: ListMembersQuery) {
    return this.members.list(query);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The new member' })
  @ApiConflictResponse({ description: 'A member with this id exists' })
  create(@Body() dto: CreateMemberDto) {
    return this.members.create(dto);
  }

  @Post('import')
  @HttpCode(200)
  @ApiBody({ type: [MemberRecordDto], description: 'Members in the record format, created or updated by id, all or nothing' })
  @ApiOkResponse({ description: 'Counts of created, updated and unchanged members' })
  import(@Body() records: unknown) {
    return this.importer.import(records);
  }

  @Get('export')
  @ApiOkResponse({ type: [MemberRecordDto], description: 'Every member in the record format, by id' })
  export() {
    return this.importer.export();
  }

  @Get(':id')
  @ApiNotFoundResponse()
  get(@Param('id') id: string) {
    return this.members.get(id);
  }

  @Patch(':id')
  @ApiConflictResponse({ description: 'The version is stale; nothing changed' })
  update(@Param('id') id: string, @Body() dto: UpdateMemberDto) {
    return this.members.update(id, dto);
  }

  @Delete(':id')
  @ApiOkResponse({ description: 'The withdrawn member, now inactive; its record is kept' })
  withdraw(@Param('id') id: string) {
    return this.members.withdraw(id);
  }
}
