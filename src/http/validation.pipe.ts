import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from './field-errors';
import { invalidInput } from './api-errors';

/** Every body and query is a DTO: unknown fields are refused, values converted and checked, errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return invalidInput(details.map((detail) => detail.message).join('; '), details);
    },
  });
}
