package io.retailgen.federated;

/**
 * A block of a model's weight vector made of per-item rows (the recommender's item table): {@code rows} rows of
 * {@code width} values each, starting at {@code offset}. With row weighting each store also sends, per row, how much
 * of its data touched the row, and the coordinator averages a row only over the stores that touched it, weighted by
 * those counts, instead of over every store by its whole data: a store that never saw an item then does not pull the
 * item's row back toward its value at the start of the round.
 *
 * @param offset the index of the first row's first value
 * @param rows the number of rows, {@code >= 1}
 * @param width the values per row, {@code >= 1}
 */
public record ItemRows(int offset, int rows, int width) {

    /** Checks the shape. */
    public ItemRows {
        if (offset < 0 || rows < 1 || width < 1) {
            throw new IllegalArgumentException("item rows need offset >= 0, rows >= 1, width >= 1; were " + offset
                    + ", " + rows + ", " + width);
        }
    }

    /** @return the index just past the last row */
    public long end() {
        return offset + (long) rows * width;
    }
}
