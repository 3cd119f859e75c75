import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** Global: every feature reads the time through the same instance, so a test can move it for all. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
