// useFileDrop: drag-and-drop of a file onto an element — whether a file is over it, and the drop.
import { useState } from 'preact/hooks';

/** Handlers to spread on the drop target, and whether a file is being dragged over it. */
export function useFileDrop(onFile: (file: File) => void) {
  const [dragging, setDragging] = useState(false);
  const hasFiles = (event: DragEvent) =>
    Array.from(event.dataTransfer?.types ?? []).includes('Files');
  const handlers = {
    onDragOver(event: DragEvent) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave(event: DragEvent) {
      // Leaving a child element also fires dragleave; only the panel's edge ends the drag.
      if (event.relatedTarget === null) setDragging(false);
    },
    onDrop(event: DragEvent) {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files?.[0];
      if (file) onFile(file);
    },
  };
  return { dragging, handlers };
}
