import { Injectable } from '@nestjs/common';

/**
 * The one source of the current time for decisions that depend on it (session expiry, dormancy,
 * digest weeks). Tests move time by replacing `now` on the app's instance (`jest.spyOn`).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
