import type { AppError } from '../../../core/api'

/** A failure with a stable code and a Chinese message for the user; crosses IPC as-is. */
export class AppFailure extends Error {
  readonly code: string
  readonly details: string[] | undefined
  constructor(code: string, message: string, details?: string[]) {
    super(message)
    this.name = 'AppFailure'
    this.code = code
    this.details = details
  }
  toAppError(): AppError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message }
  }
}
