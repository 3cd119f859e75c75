import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Theme } from './theme.entity';
import { ThemesService } from './themes.service';

@ApiTags('themes')
@Controller('themes')
export class ThemesController {
  constructor(private readonly themes: ThemesService) {}

  @Get()
  @ApiOkResponse({ description: 'The thematic fields, in display order' })
  list(): Promise<Theme[]> {
    return this.themes.list();
  }
}
