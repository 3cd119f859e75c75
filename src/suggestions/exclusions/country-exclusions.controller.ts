import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../auth/policies/access-policy';
import { Audited } from '../../auth/audit/audited.decorator';
import { CountryExclusionsService } from './country-exclusions.service';
import { CountryPairDto } from './dto/country-pair.dto';

/** The secretariat's exclusions of country pairs from matching. */
@ApiTags('network')
@ApiBearerAuth()
@Allow('admin', 'secretariat')
@Controller('matching/exclusions')
export class CountryExclusionsController {
  constructor(private readonly exclusions: CountryExclusionsService) {}

  @Get()
  @ApiOkResponse({ description: 'Every excluded country pair' })
  async list() {
    return { exclusions: await this.exclusions.list() };
  }

  @Post()
  @Audited()
  @ApiCreatedResponse({ description: 'The pair is excluded: its members are never suggested to each other' })
  add(@Body() dto: CountryPairDto) {
    return this.exclusions.add(dto.countries);
  }

  @Delete(':a/:b')
  @Audited()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The pair may be matched again' })
  async remove(@Param('a') a: string, @Param('b') b: string) {
    await this.exclusions.remove([a, b]);
  }
}
