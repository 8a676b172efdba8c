/**
 * Readers of public benchmark data sets, kept out of the domain modules: each reader returns plain records (ids,
 * labels as strings, values as arrays) that a domain module turns into its own types, so this package depends on the
 * API core only. Bad rows go to an {@link io.retailgen.core.data.DataValidator} exactly as in the domain readers:
 * strict mode fails at the first naming {@code file:line}, the column and the value; lenient mode reports and skips.
 *
 * <ul>
 *   <li>{@link io.retailgen.datasets.MCompetition}: the M3/M4 long format, series with a held-out horizon.</li>
 *   <li>{@link io.retailgen.datasets.AusRetail}: the layout of the Australian retail turnover file, read with the
 *       forecast module's hierarchical CSV reader.</li>
 *   <li>{@link io.retailgen.datasets.IdxFiles}: the idx-ubyte images and labels of MNIST and Fashion-MNIST, as
 *       {@link io.retailgen.datasets.IdxImages} that an image module wraps into its own type.</li>
 *   <li>{@link io.retailgen.datasets.LumaCatalog}: a Luma-style sample store (products with copy, prices and
 *       attributes; product photos by colour and view; customer reviews), one report per file.</li>
 * </ul>
 *
 * <p>A new reader is one class with a static {@code read(Path, DataValidator)} and a record for what it returns.
 */
package io.retailgen.datasets;
