import Document from "@tiptap/extension-document";

/** A transcript is nothing but turns: no paragraphs, headings or lists to drift out of the turn model. */
export const TranscriptDocument = Document.extend({ content: "turn+" });
