// The head of a console tool (the OCR helper, the link checker): its title, "Xóa" and, when the tool can be
// closed, "Đóng" — which clears it first, so nothing read or pasted outlives the tool.
import type { JSX } from 'preact';

export interface ToolHeadProps {
  /** The class and test-id prefix of the tool ("ocr", "links"). */
  name: string;
  /** The heading's id (the tool's section is labelled by it). */
  titleId: string;
  title: string;
  clearLabel: string;
  closeLabel: string;
  onClear: () => void;
  onClose?: () => void;
}

export function ToolHead({ name, titleId, title, clearLabel, closeLabel, onClear, onClose }: ToolHeadProps): JSX.Element {
  return (
    <div class={`${name}-head`}>
      <h2 id={titleId}>{title}</h2>
      <div class={`${name}-head-actions`}>
        <button type="button" class="btn" onClick={onClear} data-testid={`${name}-clear`}>
          {clearLabel}
        </button>
        {onClose ? (
          <button
            type="button"
            class="btn"
            onClick={() => {
              onClear();
              onClose();
            }}
            data-testid={`${name}-close`}
          >
            {closeLabel}
          </button>
        ) : null}
      </div>
    </div>
  );
}
