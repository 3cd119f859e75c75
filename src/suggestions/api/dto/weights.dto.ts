import { COMPONENTS, type Weights } from '@citymatch/matching';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

// One property per score component of the table: declared by the interface, decorated below.
/** Missing weights keep their defaults; the result is scaled to sum to 1. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class WeightsDto {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface WeightsDto extends Partial<Weights> {}

for (const { key, defaultWeight, meaning } of COMPONENTS) {
  const rules: PropertyDecorator[] = [
    ApiPropertyOptional({
      type: Number,
      example: defaultWeight,
      description: `${meaning} (default ${defaultWeight})`,
      minimum: 0,
      maximum: 1000,
    }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(1000),
  ];
  for (const rule of rules) rule(WeightsDto.prototype, key);
}
