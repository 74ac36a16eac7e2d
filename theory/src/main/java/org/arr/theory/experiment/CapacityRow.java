package org.arr.theory.experiment;

/**
 * One measurement of the capacity experiment: a model of some dimension on one task.
 *
 * @param task task family and size, e.g. {@code complete} or {@code sampled(m=500)}
 * @param model {@code counting_bound}, {@code de_free_embeddings} or {@code arr_construction}
 * @param docIdScheme docID scheme of an autoregressive model ({@code binary}), {@code none} otherwise
 * @param n number of documents
 * @param queries number of queries (rankings to realize)
 * @param dim embedding dimension (dual encoder) or hidden dimension at the output head (autoregressive ranker)
 * @param fractionRealized fraction of queries whose ranking is realized exactly; for {@code counting_bound}, the
 *     largest fraction any dual encoder of that dimension can realize, {@code min(1, N_lin(n, dim) / queries)}
 * @param seconds wall-clock seconds of the fit or check (0 for counting)
 */
public record CapacityRow(String task, String model, String docIdScheme, int n, int queries, int dim,
        double fractionRealized, double seconds) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "task,model,docid_scheme,n,queries,dim,fraction_realized,seconds";

    /** Returns the row as one CSV line; no field contains a comma or quote, so none is quoted. */
    public String toCsv() {
        return String.join(",", task, model, docIdScheme, Integer.toString(n), Integer.toString(queries),
                Integer.toString(dim), String.format(java.util.Locale.ROOT, "%.6f", fractionRealized),
                String.format(java.util.Locale.ROOT, "%.3f", seconds));
    }
}
