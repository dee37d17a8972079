// @vitest-environment happy-dom
// Tests for Toolbar: counts and every control.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Toolbar, type ToolbarProps } from './Toolbar';
import { ToolbarCounts, type ToolbarCountsProps } from './ToolbarCounts';

afterEach(cleanup);

function renderToolbar(
  overrides: Partial<ToolbarProps> = {},
  counts: ToolbarCountsProps = { total: 12, shown: 12, pending: 0, dropped: 0 },
) {
  const props: ToolbarProps = {
    counts: <ToolbarCounts {...counts} />,
    filter: '',
    onFilter: vi.fn(),
    preserveLog: false,
    onPreserveLog: vi.fn(),
    onClear: vi.fn(),
    onHarFile: vi.fn(),
    importOpen: false,
    onToggleImport: vi.fn(),
    settingsOpen: false,
    onToggleSettings: vi.fn(),
    ...overrides,
  };
  render(<Toolbar {...props} />);
  return props;
}

describe('Toolbar', () => {
  it('shows counts, checking and dropped numbers', () => {
    renderToolbar({}, { total: 12, shown: 3, pending: 2, dropped: 7 });
    expect(screen.getByTestId('counts').textContent).toBe(
      '3 of 12 tokens · checking 2… · 7 dropped',
    );
  });

  it('wires every control', () => {
    const props = renderToolbar();
    fireEvent.click(screen.getByTestId('clear'));
    fireEvent.click(screen.getByTestId('preserve-log'));
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'uqudo' } });
    fireEvent.click(screen.getByTestId('paste-toggle'));
    fireEvent.click(screen.getByTestId('settings-toggle'));
    const picker = screen.getByTestId('har-file-toolbar');
    const file = new File(['{}'], 'a.har');
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    fireEvent.input(picker);
    expect(props.onClear).toHaveBeenCalledTimes(1);
    expect(props.onPreserveLog).toHaveBeenCalledWith(true);
    expect(props.onFilter).toHaveBeenCalledWith('uqudo');
    expect(props.onToggleImport).toHaveBeenCalledTimes(1);
    expect(props.onToggleSettings).toHaveBeenCalledTimes(1);
    expect(props.onHarFile).toHaveBeenCalledWith(file);
  });
});
