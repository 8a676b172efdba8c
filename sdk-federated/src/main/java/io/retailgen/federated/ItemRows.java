package io.retailgen.federated;

import java.util.List;

/**
 * The per-item rows of a model's weight vector (the recommender's item table): {@code rows}
 * items, each owning one row of {@link Block#width()} values in every block. With row weighting each store also
 * sends, per item, how much of its data touched the item, and the coordinator averages an item's rows only over the
 * stores that touched it, weighted by those counts, instead of over every store by its whole data: a store that never
 * saw an item then does not pull the item's rows back toward their values at the start of the round.
 *
 * @param rows the number of items, {@code >= 1}
 * @param blocks the blocks of rows, at least one, not overlapping
 */
public record ItemRows(int rows, List<Block> blocks) {

    /**
     * One block of {@code rows} consecutive rows.
     *
     * @param offset the index of the first row's first value, {@code >= 0}
     * @param width the values per row, {@code >= 1}
     */
    public record Block(int offset, int width) {

        /** Checks the shape. */
        public Block {
            if (offset < 0 || width < 1) {
                throw new IllegalArgumentException("a block of item rows needs offset >= 0 and width >= 1; were "
                        + offset + " and " + width);
            }
        }
    }

    /** Checks the shape and copies the blocks. */
    public ItemRows {
        if (rows < 1) {
            throw new IllegalArgumentException("item rows need rows >= 1, was " + rows);
        }
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("item rows need at least one block");
        }
        for (int a = 0; a < blocks.size(); a++) {
            for (int b = a + 1; b < blocks.size(); b++) {
                if (blocks.get(a).offset() < end(blocks.get(b), rows)
                        && blocks.get(b).offset() < end(blocks.get(a), rows)) {
                    throw new IllegalArgumentException("blocks of item rows overlap: " + blocks.get(a) + " and "
                            + blocks.get(b));
                }
            }
        }
    }

    /**
     * @param rows the number of items
     * @param blocks the blocks
     * @return the item rows
     */
    public static ItemRows of(int rows, Block... blocks) {
        return new ItemRows(rows, List.of(blocks));
    }

    private static long end(Block b, int rows) {
        return b.offset() + (long) rows * b.width();
    }

    /**
     * @param index an index of the weight vector
     * @return the item whose row holds it, or -1 when it is in no block
     */
    public int rowOf(int index) {
        for (Block b : blocks) {
            if (index >= b.offset() && index < end(b, rows)) {
                return (index - b.offset()) / b.width();
            }
        }
        return -1;
    }
}
