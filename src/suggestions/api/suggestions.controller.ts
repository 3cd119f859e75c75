import { Body, Controller, Delete, Get, Header, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Audited } from '../../auth';
import { DismissalsService } from './dismissals.service';
import { CreateDismissalDto } from './dto/dismissal.dto';
import { SuggestionsQuery } from './dto/suggestions.query';
import { SuggestionsService } from './suggestions.service';

/** A member's own suggestions and dismissals: its officials and the secretariat only. */
@ApiTags('suggestions')
@ApiBearerAuth()
@Allow('admin', 'secretariat', 'own-member')
@Controller('members/:id')
export class SuggestionsController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly dismissals: DismissalsService,
  ) {}

  @Get('suggestions')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description:
      'Best partner candidates, from the stored lists or, with filters or a limit above the stored length, ranked over all members',
  })
  @ApiNotFoundResponse()
  list(@Param('id') id: string, @Query() query: SuggestionsQuery) {
    // Already JSON: the most frequent answers are serialised once, not per request.
    return this.suggestions.forMemberJson(id, query);
  }

  @Post('dismissals')
  @Audited()
  @ApiOkResponse({ description: 'The member, with the candidate in `dismissed`' })
  dismiss(@Param('id') id: string, @Body() dto: CreateDismissalDto) {
    return this.dismissals.dismiss(id, dto.candidateId, dto.reason);
  }

  @Delete('dismissals/:candidateId')
  @Audited()
  @ApiOkResponse({ description: 'The member, with the dismissal undone' })
  undo(@Param('id') id: string, @Param('candidateId') candidateId: string) {
    return this.dismissals.undo(id, candidateId);
  }
}
