/**
 * The body editor's 链接 button. The library's own button wraps the word around the cursor, which in Chinese (no
 * spaces) is the whole line, and writes English placeholders (`[title](url)`). Ours wraps the selected words, or puts
 * 链接文字 when nothing is selected, and selects the address part so what is typed or pasted next replaces it.
 */
import { UI } from '../../../i18n/editor.zh-CN';

/** The parts of @uiw/react-md-editor's command state and text API a command uses. */
export interface LinkState {
  selectedText: string;
  selection: { start: number; end: number };
}
export interface LinkApi {
  replaceSelection(text: string): unknown;
  setSelectionRange(selection: { start: number; end: number }): unknown;
}

export const LINK_ADDRESS = 'https://';

export function insertLink(state: LinkState, api: LinkApi): void {
  const words = state.selectedText.trim() ? state.selectedText : UI.toolbar.linkText;
  api.replaceSelection(`[${words}](${LINK_ADDRESS})`);
  const start = state.selection.start + words.length + 3; // after "[words]("
  api.setSelectionRange({ start, end: start + LINK_ADDRESS.length });
}
