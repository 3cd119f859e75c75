import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MemberRecordDto } from '../dto/member-record.dto';
import { flattenValidationErrors } from '../../http/field-errors';
import { referenceErrors, type RecordError, type RecordValidationContext } from './record-references';

export type { RecordError, RecordValidationContext };

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** Every problem of a member-record array at once: shape, codes, ranges, unknown themes and dangling ids. */
export function validateMemberRecords(records: unknown, context: RecordValidationContext = {}): RecordError[] {
  if (!Array.isArray(records)) {
    return [{ index: -1, field: '', message: 'the input must be a JSON array of member records' }];
  }
  const errors: RecordError[] = [];
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push({ index, field: '', message: 'each record must be a JSON object' });
      return;
    }
    const dto = plainToInstance(MemberRecordDto, record);
    for (const error of flattenValidationErrors(validateSync(dto, VALIDATION))) errors.push({ index, ...error });
  });
  errors.push(...referenceErrors(records, context));
  return errors.sort((a, b) => a.index - b.index);
}
