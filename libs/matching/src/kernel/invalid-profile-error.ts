/** A profile the kernel cannot prepare (a repeated id, a population or position that is not a number, a bad level). */
export class InvalidProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidProfileError';
  }
}
