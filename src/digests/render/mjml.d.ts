declare module 'mjml' {
  interface MjmlResult {
    html: string;
    errors: Array<{ formattedMessage: string }>;
  }
  export default function mjml2html(mjml: string, options?: Record<string, unknown>): Promise<MjmlResult>;
}
