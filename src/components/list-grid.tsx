import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
  type TableRowId,
} from '@fluentui/react-components';

export interface ListGridSelection<T> {
  selected: Set<TableRowId>;
  onChange: (selected: Set<TableRowId>) => void;
  /** What a row's checkbox is called by a screen reader ("Select …"). */
  rowName: (item: T) => string;
}

/** A sortable list of a blade (Fluent's DataGrid), with resizable columns and checkboxes where the blade asks for them. */
export function ListGrid<T>({
  label,
  items,
  columns,
  getRowId,
  className,
  columnSizing,
  selection,
}: {
  label: string;
  items: T[];
  columns: TableColumnDefinition<T>[];
  getRowId: (item: T) => TableRowId;
  className?: string;
  /** Makes the columns resizable, from these widths. */
  columnSizing?: TableColumnSizingOptions;
  selection?: ListGridSelection<T>;
}) {
  return (
    <DataGrid
      className={className}
      items={items}
      columns={columns}
      sortable
      resizableColumns={columnSizing !== undefined}
      columnSizingOptions={columnSizing}
      selectionMode={selection ? 'multiselect' : undefined}
      selectedItems={selection?.selected}
      onSelectionChange={selection ? (_, d) => selection.onChange(d.selectedItems) : undefined}
      getRowId={getRowId}
      aria-label={label}
      focusMode="composite"
    >
      <DataGridHeader>
        <DataGridRow selectionCell={selection ? { checkboxIndicator: { 'aria-label': 'Select all rows' } } : undefined}>
          {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<T>>
        {({ item, rowId }) => (
          <DataGridRow<T> key={rowId} selectionCell={selection ? { checkboxIndicator: { 'aria-label': `Select ${selection.rowName(item)}` } } : undefined}>
            {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
