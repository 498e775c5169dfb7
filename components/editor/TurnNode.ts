import { Node, mergeAttributes } from "@tiptap/core";
import { formatTime } from "./formatTime";

/**
 * One transcript turn (CONTRACTS §5: a `turn` element with {id, speaker, role, start, end} and its text).
 * The speaker column is drawn by a plain DOM node view outside the editable content, so it can't be
 * typed into, and a 400-turn transcript doesn't pay for 400 React roots.
 */
export const TurnNode = Node.create({
  name: "turn",
  group: "block",
  content: "text*",
  defining: true,
  // Backspace at a turn's start must not merge two speakers' turns.
  isolating: true,

  addAttributes() {
    return {
      id: { default: null },
      speaker: { default: "" },
      role: { default: "other" },
      start: { default: null },
      end: { default: null },
    };
  },

  parseHTML() {
    return [{ tag: "div[data-turn]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-turn": "" }, HTMLAttributes), 0];
  },

  addKeyboardShortcuts() {
    // A new turn needs a speaker and an id; Enter would split one turn into two with the same id.
    return { Enter: () => true, "Shift-Enter": () => true, "Mod-Enter": () => true };
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("div");
      dom.className = "turn";
      const meta = document.createElement("div");
      meta.className = "turn-meta";
      meta.contentEditable = "false";
      const time = document.createElement("span");
      time.className = "time";
      const speaker = document.createElement("span");
      speaker.className = "speaker";
      meta.append(time, speaker);
      const text = document.createElement("div");
      text.className = "turn-text";
      dom.append(meta, text);

      let current = node;
      const paint = () => {
        const attrs = current.attrs as { id: string | null; speaker: string; role: string; start: number | null };
        dom.dataset.role = attrs.role;
        if (attrs.id) {
          dom.dataset.turnId = attrs.id;
          // Lets the coding page point aria-activedescendant and "jump to turn" links at a turn.
          dom.id = `turn-${attrs.id}`;
        }
        time.textContent = formatTime(attrs.start);
        speaker.textContent = attrs.speaker;
      };
      paint();

      return {
        dom,
        contentDOM: text,
        update(updated) {
          if (updated.type !== current.type) return false;
          current = updated;
          paint();
          return true;
        },
        ignoreMutation(mutation) {
          return meta.contains(mutation.target);
        },
      };
    };
  },
});
