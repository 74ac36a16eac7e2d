package org.arr.datasets.esci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.arr.data.InputFormatException;
import org.arr.data.RankingTask;
import org.arr.data.SplitSpec;
import org.arr.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes parquet files in the official ESCI schema with DuckDB and loads them. */
class EsciLoaderTest {

    /** example_id, query, query_id, product_id, product_locale, esci_label, small_version, large_version, split. */
    private static final String EXAMPLES = """
            (0, 'revent 80 cfm', 0, 'B0000AAAAA', 'us', 'I', 0, 1, 'train'),
            (1, 'revent 80 cfm', 0, 'B07X3Y6B1V', 'us', 'E', 1, 1, 'train'),
            (2, 'revent 80 cfm', 0, 'B07WDM7MQQ', 'us', 'S', 1, 1, 'train'),
            (3, 'revent 80 cfm', 0, 'B000MOO21W', 'us', 'C', 1, 1, 'train'),
            (4, 'bike lock', 1, 'B07WDM7MQQ', 'us', 'E', 1, 1, 'test'),
            (5, 'bike lock', 1, 'B0000AAAAA', 'us', 'I', 1, 1, 'test'),
            (6, 'candado', 2, 'B07X3Y6B1V', 'es', 'E', 1, 1, 'train'),
            (7, 'large only', 3, 'B0000AAAAA', 'us', 'E', 0, 1, 'test')
            """;
    /** product_id, product_title, product_description, product_bullet_point, product_brand, product_color, product_locale. */
    private static final String PRODUCTS = """
            ('B000MOO21W', 'Panasonic fan', NULL, 'Quiet', 'Panasonic', 'White', 'us'),
            ('B07X3Y6B1V', 'Homewerks fan', 'A fan', NULL, 'Homewerks', NULL, 'us'),
            ('B07WDM7MQQ', 'Delta fan', NULL, NULL, NULL, NULL, 'us'),
            ('B0000AAAAA', 'U-lock', NULL, NULL, 'Kryptonite', 'Black', 'us'),
            ('B07X3Y6B1V', 'Ventilador', NULL, NULL, 'Homewerks', NULL, 'es')
            """;

    @TempDir
    Path folder;

    @Test
    void defaultFiltersUsSmallVersion() throws SQLException {
        writeDataset(EXAMPLES, PRODUCTS);

        RankingTask task = Datasets.load("esci:" + folder, Map.of());

        assertEquals(List.of("0", "1"), task.qrels().queryIds().stream().toList());
        assertEquals(5, task.qrels().size());
        assertEquals(OptionalDouble.of(3), task.qrels().relevance("0", "B07X3Y6B1V"));
        assertEquals(OptionalDouble.of(2), task.qrels().relevance("0", "B07WDM7MQQ"));
        assertEquals(OptionalDouble.of(1), task.qrels().relevance("0", "B000MOO21W"));
        assertEquals(OptionalDouble.of(0), task.qrels().relevance("1", "B0000AAAAA"));
        assertEquals(4, task.corpus().size());
        assertEquals("Homewerks fan", task.corpus().get("B07X3Y6B1V").title());
        assertEquals("Homewerks\nA fan", task.corpus().get("B07X3Y6B1V").text());
        assertEquals("Panasonic\nWhite\nQuiet", task.corpus().get("B000MOO21W").text());
        assertEquals("revent 80 cfm", task.queries().get("0").text());
    }

    @Test
    void gainMapAndPredefinedSplits() throws SQLException {
        writeDataset(EXAMPLES, PRODUCTS);

        RankingTask task = Datasets.load("esci:" + folder, Map.of()).withSplits(SplitSpec.predefined());

        assertEquals(Map.of(3.0, 1.0, 2.0, 0.1, 1.0, 0.01, 0.0, 0.0), task.gainMap().orElseThrow());
        assertEquals(List.of("train", "test"), task.splits().names());
        assertEquals(List.of("0"), task.splits().queryIds("train"));
        assertEquals(List.of("1"), task.splits().queryIds("test"));
    }

    @Test
    void localeVersionAndSplitFilters() throws SQLException {
        writeDataset(EXAMPLES, PRODUCTS);

        RankingTask spanish = Datasets.load("esci:" + folder, Map.of("locale", "es"));
        assertEquals(List.of("2"), spanish.qrels().queryIds().stream().toList());
        assertEquals("Ventilador", spanish.corpus().get("B07X3Y6B1V").title());

        RankingTask large = Datasets.load("esci:" + folder, Map.of("smallVersion", false));
        assertEquals(7, large.qrels().size());
        assertEquals(OptionalDouble.of(0), large.qrels().relevance("0", "B0000AAAAA"));
        assertEquals(OptionalDouble.of(3), large.qrels().relevance("3", "B0000AAAAA"));

        RankingTask test = Datasets.load("esci:" + folder, Map.of("split", "test"));
        assertEquals(List.of("1"), test.qrels().queryIds().stream().toList());
        assertEquals(List.of("test"), test.splits().names());

        IllegalArgumentException badLocale = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load("esci:" + folder, Map.of("locale", "fr")));
        assertEquals("Option 'locale' of dataset esci:" + folder + " must be one of us, es, jp, got 'fr'",
                badLocale.getMessage());
    }

    @Test
    void unknownLabelNamesExample() throws SQLException {
        writeDataset(EXAMPLES.replace("'us', 'S', 1", "'us', 'X', 1"), PRODUCTS);

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("esci:" + folder, Map.of()));

        assertTrue(error.getMessage().endsWith("example_id 2: unknown esci_label 'X'; expected E, S, C or I"),
                error.getMessage());
    }

    @Test
    void conflictingLabelsNameExample() throws SQLException {
        writeDataset(EXAMPLES.replace("(0, 'revent 80 cfm', 0, 'B0000AAAAA', 'us', 'I', 0, 1, 'train')",
                "(0, 'revent 80 cfm', 0, 'B000MOO21W', 'us', 'I', 0, 1, 'train')"), PRODUCTS);

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("esci:" + folder, Map.of("smallVersion", "false")));

        assertTrue(error.getMessage().contains("example_id 3: Conflicting judgments for query '0' and document "
                + "'B000MOO21W'"), error.getMessage());
    }

    @Test
    void missingProductNamesExample() throws SQLException {
        writeDataset(EXAMPLES, PRODUCTS.replace("('B07WDM7MQQ', 'Delta fan', NULL, NULL, NULL, NULL, 'us'),", ""));

        InputFormatException error = assertThrows(InputFormatException.class,
                () -> Datasets.load("esci:" + folder, Map.of()));

        assertEquals(folder.resolve(EsciLoader.PRODUCTS_FILE), error.file());
        assertTrue(error.getMessage().contains("Missing product 'B07WDM7MQQ' (locale us), which example_id 2"),
                error.getMessage());
    }

    @Test
    void missingFileAndColumn() throws SQLException {
        InputFormatException noFile = assertThrows(InputFormatException.class,
                () -> Datasets.load("esci:" + folder, Map.of()));
        assertEquals(folder.resolve(EsciLoader.EXAMPLES_FILE), noFile.file());
        assertTrue(noFile.getMessage().contains("File not found"), noFile.getMessage());

        writeDataset(EXAMPLES, PRODUCTS);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 1 AS product_id, 'x' AS product_title) TO '"
                    + folder.resolve(EsciLoader.PRODUCTS_FILE) + "' (FORMAT PARQUET)");
        }
        InputFormatException noColumn = assertThrows(InputFormatException.class,
                () -> Datasets.load("esci:" + folder, Map.of()));
        assertTrue(noColumn.getMessage().contains("Missing columns [product_description, product_bullet_point, "
                + "product_brand, product_color, product_locale]"), noColumn.getMessage());
    }

    private void writeDataset(String examples, String products) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT example_id::BIGINT AS example_id, query, query_id::BIGINT AS query_id, "
                    + "product_id, product_locale, esci_label, small_version::BIGINT AS small_version, "
                    + "large_version::BIGINT AS large_version, split FROM (VALUES " + examples + ") AS t(example_id, "
                    + "query, query_id, product_id, product_locale, esci_label, small_version, large_version, split)) "
                    + "TO '" + folder.resolve(EsciLoader.EXAMPLES_FILE) + "' (FORMAT PARQUET)");
            statement.execute("COPY (SELECT * FROM (VALUES " + products + ") AS t(product_id, product_title, "
                    + "product_description, product_bullet_point, product_brand, product_color, product_locale)) "
                    + "TO '" + folder.resolve(EsciLoader.PRODUCTS_FILE) + "' (FORMAT PARQUET)");
        }
    }
}
