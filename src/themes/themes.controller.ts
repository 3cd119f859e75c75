import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth';
import { Theme } from './theme.entity';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@ApiBearerAuth()
@Allow('admin', 'secretariat', 'city_official')
@Controller('themes')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get()
  @ApiOkResponse({ description: 'The thematic fields, in display order' })
  list(): Promise<Theme[]> {
    return this.themes.list();
  }
}
