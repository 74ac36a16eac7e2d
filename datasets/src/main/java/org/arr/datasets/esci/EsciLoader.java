package org.arr.datasets.esci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.arr.data.Corpus;
import org.arr.data.DatasetLoader;
import org.arr.data.Document;
import org.arr.data.InputFormatException;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.Query;
import org.arr.data.RankingTask;
import org.arr.data.Splits;
import org.arr.datasets.LoaderOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code esci:FOLDER} dataset: the Amazon Shopping Queries dataset (Reddy et al. 2022,
 * github.com/amazon-science/esci-data) from its official parquet files, read with DuckDB.
 *
 * <p>The folder contains {@code shopping_queries_dataset_examples.parquet} (example_id, query, query_id,
 * product_id, product_locale, esci_label, small_version, large_version, split) and
 * {@code shopping_queries_dataset_products.parquet} (product_id, product_title, product_description,
 * product_bullet_point, product_brand, product_color, product_locale); examples join products on
 * (product_locale, product_id).
 *
 * <p>Options: {@code locale} ({@code us}, {@code es} or {@code jp}; default {@code us}), {@code smallVersion}
 * (default true: the reduced version of Task 1, {@code small_version = 1}; false: the larger version,
 * {@code large_version = 1}), {@code split} ({@code train}, {@code test} or {@code all}; default {@code all}).
 *
 * <p>The corpus is the products judged by the selected examples, with id = product_id, title =
 * product_title and text = brand, color, bullet points and description joined by newlines. Labels
 * E/S/C/I become grades 3/2/1/0, and the task carries the ESCI gain map E = 1.0, S = 0.1, C = 0.01, I = 0
 * (the gains of the KDD Cup 2022 Task 1 nDCG). The {@code split} column gives the predefined splits.
 */
public final class EsciLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(EsciLoader.class);

    public static final String EXAMPLES_FILE = "shopping_queries_dataset_examples.parquet";
    public static final String PRODUCTS_FILE = "shopping_queries_dataset_products.parquet";

    /** Grade per ESCI label. */
    public static final Map<String, Integer> GRADES = Map.of("E", 3, "S", 2, "C", 1, "I", 0);

    /** Gain per grade for nDCG: E = 1.0, S = 0.1, C = 0.01, I = 0. */
    public static final Map<Double, Double> GAINS = Map.of(3.0, 1.0, 2.0, 0.1, 1.0, 0.01, 0.0, 0.0);

    private static final List<String> EXAMPLE_COLUMNS = List.of("example_id", "query", "query_id", "product_id",
            "product_locale", "esci_label", "small_version", "large_version", "split");
    private static final List<String> PRODUCT_COLUMNS = List.of("product_id", "product_title", "product_description",
            "product_bullet_point", "product_brand", "product_color", "product_locale");

    private static final String SELECT_EXAMPLES = """
            SELECT e.example_id, CAST(e.query_id AS VARCHAR) AS query_id, e.query, e.product_id, e.esci_label, e.split,
                   p.product_id IS NOT NULL AS has_product, p.product_title, p.product_description,
                   p.product_bullet_point, p.product_brand, p.product_color
            FROM read_parquet(?) e
            LEFT JOIN read_parquet(?) p ON e.product_locale = p.product_locale AND e.product_id = p.product_id
            WHERE e.product_locale = ? AND CAST(e.%s AS INTEGER) = 1 AND (? OR e.split = ?)
            ORDER BY e.example_id
            """;

    @Override
    public String name() {
        return "esci";
    }

    @Override
    public String description() {
        return "esci:FOLDER - Amazon Shopping Queries (ESCI) parquet files; E/S/C/I = grades 3/2/1/0, ESCI gains";
    }

    /**
     * Reads the selected examples and their products.
     *
     * @throws IllegalArgumentException if the folder argument is empty or an option is invalid
     * @throws InputFormatException if a file is missing, lacks a column, has an unknown label, an example's
     *     product is missing from the products file, or no example matches the filters
     */
    @Override
    public RankingTask load(String argument, Map<String, Object> options) {
        String spec = "esci:" + argument;
        LoaderOptions values = new LoaderOptions(spec, options, List.of("locale", "smallVersion", "split"));
        String locale = values.choiceValue("locale", "us", List.of("us", "es", "jp"));
        boolean smallVersion = values.booleanValue("smallVersion", true);
        String split = values.choiceValue("split", "all", List.of("train", "test", "all"));
        if (argument.isBlank()) {
            throw new IllegalArgumentException("Missing folder: use esci:FOLDER, the folder with " + EXAMPLES_FILE
                    + " and " + PRODUCTS_FILE);
        }
        Path examples = Path.of(argument).resolve(EXAMPLES_FILE);
        Path products = Path.of(argument).resolve(PRODUCTS_FILE);
        requireFile(examples);
        requireFile(products);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            requireColumns(connection, examples, EXAMPLE_COLUMNS);
            requireColumns(connection, products, PRODUCT_COLUMNS);
            String name = "esci(locale=" + locale + "," + (smallVersion ? "small" : "large") + ",split=" + split + ")";
            RankingTask task = read(connection, name, examples, products, locale, smallVersion, split);
            LOG.info("Read {} judgments of ESCI locale {} from {}", task.qrels().size(), locale, examples);
            return task;
        } catch (SQLException e) {
            throw new InputFormatException(examples, 0, "Failed to read the ESCI parquet files: " + e.getMessage(), e);
        }
    }

    private static RankingTask read(Connection connection, String name, Path examples, Path products, String locale,
            boolean smallVersion, String split) throws SQLException {
        Map<String, Document> documents = new LinkedHashMap<>();
        Map<String, String> queryTexts = new LinkedHashMap<>();
        Map<String, Set<String>> splitQueries = new LinkedHashMap<>();
        Qrels.Builder qrels = Qrels.builder();

        String sql = String.format(SELECT_EXAMPLES, smallVersion ? "small_version" : "large_version");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, examples.toString());
            statement.setString(2, products.toString());
            statement.setString(3, locale);
            statement.setBoolean(4, split.equals("all"));
            statement.setString(5, split);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String exampleId = rows.getString("example_id");
                    String queryId = rows.getString("query_id");
                    String productId = rows.getString("product_id");
                    String label = rows.getString("esci_label");
                    String where = "example_id " + exampleId + ": ";

                    Integer grade = GRADES.get(label);
                    if (grade == null) {
                        throw new InputFormatException(examples, 0, where + "unknown esci_label '" + label
                                + "'; expected E, S, C or I");
                    }
                    if (!rows.getBoolean("has_product")) {
                        throw new InputFormatException(products, 0, "Missing product '" + productId + "' (locale "
                                + locale + "), which " + where.substring(0, where.length() - 2) + " of " + EXAMPLES_FILE
                                + " judges");
                    }
                    String previousText = queryTexts.putIfAbsent(queryId, rows.getString("query"));
                    if (previousText != null && !previousText.equals(rows.getString("query"))) {
                        throw new InputFormatException(examples, 0, where + "query_id " + queryId + " has the text '"
                                + rows.getString("query") + "', but an earlier example gives '" + previousText + "'");
                    }
                    documents.computeIfAbsent(productId, id -> product(id, rows));
                    try {
                        qrels.add(queryId, productId, grade);
                    } catch (IllegalArgumentException e) {
                        throw new InputFormatException(examples, 0, where + e.getMessage(), e);
                    }
                    splitQueries.computeIfAbsent(rows.getString("split"), s -> new LinkedHashSet<>()).add(queryId);
                }
            }
        }
        if (documents.isEmpty()) {
            throw new InputFormatException(examples, 0, "No example has product_locale '" + locale + "', "
                    + (smallVersion ? "small_version" : "large_version") + " = 1 and split " + split
                    + "; check the locale, smallVersion and split options");
        }

        List<Query> queries = new ArrayList<>();
        queryTexts.forEach((id, text) -> queries.add(new Query(id, text)));
        return new RankingTask(name, new Corpus(new ArrayList<>(documents.values())), new Queries(queries),
                qrels.build(), splits(examples, splitQueries), GAINS, null);
    }

    private static Document product(String productId, ResultSet row) {
        try {
            StringBuilder text = new StringBuilder();
            for (String column : List.of("product_brand", "product_color", "product_bullet_point", "product_description")) {
                String value = row.getString(column);
                if (value != null && !value.isBlank()) {
                    text.append(text.length() == 0 ? "" : "\n").append(value.strip());
                }
            }
            return new Document(productId, row.getString("product_title"), text.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to read product " + productId + " from DuckDB", e);
        }
    }

    /** Returns the train and test splits of the split column, rejecting a query that is in both. */
    private static Splits splits(Path examples, Map<String, Set<String>> splitQueries) {
        Map<String, List<String>> splits = new LinkedHashMap<>();
        for (String name : List.of(Splits.TRAIN, Splits.TEST)) {
            if (splitQueries.containsKey(name)) {
                splits.put(name, new ArrayList<>(splitQueries.get(name)));
            }
        }
        Set<String> unknown = new TreeSet<>(splitQueries.keySet());
        unknown.removeAll(splits.keySet());
        if (!unknown.isEmpty()) {
            throw new InputFormatException(examples, 0, "Unknown split values " + unknown + "; expected train or test");
        }
        if (splits.size() == 2) {
            Set<String> overlap = new TreeSet<>(splits.get(Splits.TRAIN));
            overlap.retainAll(splits.get(Splits.TEST));
            if (!overlap.isEmpty()) {
                throw new InputFormatException(examples, 0, "Queries " + overlap + " appear in both the train and the "
                        + "test split; each query must be in one split");
            }
        }
        return new Splits(splits);
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file, 0, "File not found: the ESCI folder needs " + EXAMPLES_FILE + " and "
                    + PRODUCTS_FILE + " from github.com/amazon-science/esci-data (folder shopping_queries_dataset)");
        }
    }

    private static void requireColumns(Connection connection, Path file, List<String> required) throws SQLException {
        Set<String> present = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
            statement.setString(1, file.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString("column_name"));
                }
            }
        } catch (SQLException e) {
            throw new InputFormatException(file, 0, "Failed to read the parquet file: " + e.getMessage(), e);
        }
        List<String> missing = required.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new InputFormatException(file, 0, "Missing columns " + missing + "; found " + present
                    + ". Use the official ESCI parquet files");
        }
    }
}
