/** Why a PDF gave no text: the reader's errors carry one of these codes and a message a user can act on. */
export type PdfErrorCode = 'invalid' | 'encrypted' | 'no-text' | 'no-page';

/** A PDF the reader cannot turn into text: broken, locked, a scan without a text layer, or a missing page. */
export class PdfError extends Error {
  override name = 'PdfError';
  constructor(readonly code: PdfErrorCode, message: string) {
    super(message);
  }
}
