package org.arr.reports.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.arr.data.InputFormatException;
import tech.tablesaw.api.Table;

/**
 * Column names of the theory module's CSV files. Header names are matched ignoring case, spaces, {@code _} and
 * {@code -}, and each column accepts a few spellings, so {@code docid_scheme} and {@code DocID scheme} both
 * match.
 */
public final class TheoryColumns {

    /** Model family, e.g. {@code de}, {@code arr}. */
    public static final List<String> MODEL = List.of("model");
    /** DocID scheme of an ARR model, e.g. {@code binary}, {@code atomic}. */
    public static final List<String> SCHEME = List.of("docidscheme", "scheme", "docids", "docid");
    /** Task kind, e.g. complete ranking or sampled permutations (optional). */
    public static final List<String> TASK = List.of("task");
    /** Number of documents. */
    public static final List<String> N = List.of("n", "documents", "numdocuments");
    /** Embedding or hidden dimension. */
    public static final List<String> DIM = List.of("dim", "dimension", "dmodel");
    /** Fraction of queries whose target ranking was realized exactly, in [0, 1]. */
    public static final List<String> FRACTION = List.of("fractionrealized", "fraction", "realized", "realizedfraction");
    /** Largest number of documents at which every query is still realized, for one dimension. */
    public static final List<String> CRITICAL_N = List.of("criticaln", "ncritical", "maxn");

    private TheoryColumns() {
    }

    /**
     * Returns the name of the table's column matching one of {@code aliases}, or empty.
     */
    public static Optional<String> find(Table table, List<String> aliases) {
        for (String column : table.columnNames()) {
            String normalized = column.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            if (aliases.contains(normalized)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the name of the column matching one of {@code aliases}.
     *
     * @throws InputFormatException naming the file, the accepted spellings and the header found
     */
    public static String require(Table table, Path file, List<String> aliases) {
        return find(table, aliases).orElseThrow(() -> new InputFormatException(file, 1, "missing column '" + aliases.get(0)
                + "' (accepted spellings: " + aliases + ", ignoring case, spaces, '_' and '-'); header is "
                + table.columnNames()));
    }
}
