import type { Reply } from '../../core/briefing/index.js';

// Discord keeps at most 100 characters of custom_id. A button carries the command line it runs, so
// pressing it needs no memory of the message (it works after a restart, on any instance).
const MAX_CUSTOM_ID = 100;
// Discord's limits: 5 buttons a row, 80 characters a label.
const MAX_BUTTONS = 5;
const MAX_LABEL = 80;
const RUN = 'run:';
// A choice: once answered, the buttons go.
const PICK = 'pick:';

/** A button of a reply's actions, as Discord takes it. */
export interface ActionButton {
  readonly customId: string;
  readonly label: string;
}

/** The buttons of a reply's actions (those whose command fits a custom_id), in one row. */
export function actionButtons(reply: Reply): ActionButton[] {
  const prefix = reply.choice === true ? PICK : RUN;
  return (reply.actions ?? [])
    .map((a) => ({ customId: `${prefix}${a.run}`, label: a.label.slice(0, MAX_LABEL) }))
    .filter((b) => b.customId.length <= MAX_CUSTOM_ID)
    .slice(0, MAX_BUTTONS);
}

/** The command line a pressed action button runs, and whether it answered a question; null if not one. */
export function readActionButton(customId: string): { line: string; choice: boolean } | null {
  if (customId.startsWith(RUN)) return { line: customId.slice(RUN.length), choice: false };
  if (customId.startsWith(PICK)) return { line: customId.slice(PICK.length), choice: true };
  return null;
}
