import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Theme } from './theme.entity';

@Injectable()
export class ThemesService {
  private slugs?: Promise<ReadonlySet<string>>;

  constructor(@InjectRepository(Theme) private readonly themes: Repository<Theme>) {}

  list(): Promise<Theme[]> {
    return this.themes.find({ order: { position: 'ASC' } });
  }

  /** Theme slugs change only through migrations, so one read per process is enough. */
  knownSlugs(): Promise<ReadonlySet<string>> {
    this.slugs ??= this.list().then((themes) => new Set(themes.map((theme) => theme.slug)));
    return this.slugs;
  }
}
