// email-reply-parser 2.0.1 ships no types; this is the part of its API the app uses.
declare module 'email-reply-parser' {
  class Fragment {
    getContent(): string;
    isHidden(): boolean;
    isSignature(): boolean;
    isQuoted(): boolean;
  }
  class Email {
    getFragments(): Fragment[];
    getVisibleText(): string;
    getQuotedText(): string;
  }
  export default class EmailReplyParser {
    read(text: string): Email;
    parseReply(text: string): string;
  }
}
