// downloadFile: lib/export's one effectful edge — saves a text file through a Blob URL and an anchor click.

/** A file to save. */
export interface DownloadFile {
  name: string;
  type: string;
  text: string;
}

/** How long the Blob URL outlives the click (the download must have started by then). */
const REVOKE_AFTER_MS = 60_000;

/** Saves `file` as a download from the panel page (no downloads permission needed). */
export function downloadFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
