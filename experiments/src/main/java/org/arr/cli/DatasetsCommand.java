package org.arr.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.arr.data.DatasetLoader;
import org.arr.data.Qrels;
import org.arr.data.RankingTask;
import org.arr.data.Splits;
import org.arr.datasets.Datasets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arr datasets list} and {@code arr datasets describe SPEC}: what datasets exist and what one contains. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "List the dataset loaders or describe the task a dataset spec loads.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.DescribeCommand.class})
public final class DatasetsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Prints one line per registered loader. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the dataset loaders, one line each.")
    static final class ListCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int width = Datasets.loaders().stream().mapToInt(loader -> loader.name().length()).max().orElse(0);
            for (DatasetLoader loader : Datasets.loaders()) {
                out.printf("%-" + width + "s  %s%n", loader.name(), loader.description());
            }
            out.flush();
            return 0;
        }
    }

    /** Loads a task and prints its sizes, splits, grade histogram and relevant documents per query. */
    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Load a dataset and print documents, queries per split, judgments per grade and relevant "
                    + "documents per query.")
    static final class DescribeCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "Dataset spec: NAME or NAME:ARGUMENT, e.g. limit-small, "
                + "beir:data/scifact, wordnet:hypernym-ancestors, synthetic:complete.")
        String datasetSpec;

        @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
                description = "Loader option, repeatable, e.g. -o root=dog#1 or -o n=5.")
        Map<String, String> options = new LinkedHashMap<>();

        @Override
        public Integer call() {
            long start = System.nanoTime();
            RankingTask task = Datasets.load(datasetSpec, new LinkedHashMap<>(options));
            double seconds = (System.nanoTime() - start) / 1e9;

            PrintWriter out = spec.commandLine().getOut();
            out.println(describe(task));
            out.printf(Locale.ROOT, "%-20s %.2f s%n", "load time", seconds);
            out.flush();
            return 0;
        }
    }

    /** Returns the description {@code arr datasets describe} prints, without the load time. */
    static String describe(RankingTask task) {
        StringBuilder text = new StringBuilder();
        Qrels qrels = task.qrels();
        row(text, "dataset", task.name());
        row(text, "documents", String.valueOf(task.corpus().size()));
        row(text, "queries", task.queries().size() + " (" + qrels.queryIds().size() + " with judgments)");
        describeSplits(text, task.splits());
        row(text, "judgments", String.valueOf(qrels.size()));
        for (Map.Entry<Double, Integer> grade : gradeCounts(qrels).entrySet()) {
            row(text, "  grade " + formatGrade(grade.getKey()), String.valueOf(grade.getValue()));
        }
        describeRelevantPerQuery(text, qrels);
        row(text, "gain map", task.gainMap().map(DatasetsCommand::formatGains).orElse("none (gain = grade)"));
        row(text, "taxonomy", task.taxonomy().map(DatasetsCommand::formatTaxonomy).orElse("none"));
        text.setLength(text.length() - System.lineSeparator().length());
        return text.toString();
    }

    private static void describeSplits(StringBuilder text, Splits splits) {
        List<String> parts = new ArrayList<>();
        for (String name : splits.names()) {
            parts.add(name + " " + splits.queryIds(name).size());
        }
        Collection<List<String>> lists = splits.asMap().values();
        boolean transductive = lists.size() > 1 && lists.stream().distinct().count() == 1;
        row(text, "splits", String.join(", ", parts)
                + (transductive ? " (no predefined splits: every split holds all judged queries)" : ""));
    }

    private static void describeRelevantPerQuery(StringBuilder text, Qrels qrels) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        for (String queryId : qrels.queryIds()) {
            int relevant = qrels.relevant(queryId).size();
            min = Math.min(min, relevant);
            max = Math.max(max, relevant);
            sum += relevant;
        }
        int queries = qrels.queryIds().size();
        String value = queries == 0 ? "no judged queries"
                : String.format(Locale.ROOT, "mean %.2f, min %d, max %d (grade > 0, over judged queries)",
                        (double) sum / queries, min, max);
        row(text, "relevant per query", value);
    }

    /** Returns the number of judgments per grade, highest grade first. */
    private static Map<Double, Integer> gradeCounts(Qrels qrels) {
        Map<Double, Integer> counts = new TreeMap<>((left, right) -> Double.compare(right, left));
        for (String queryId : qrels.queryIds()) {
            for (double grade : qrels.judgments(queryId).values()) {
                counts.merge(grade, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String formatGains(Map<Double, Double> gains) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(gains).descendingMap().forEach((grade, gain) -> parts.add(formatGrade(grade) + " -> " + gain));
        return String.join(", ", parts);
    }

    private static String formatTaxonomy(Map<String, List<String>> taxonomy) {
        int minDepth = taxonomy.values().stream().mapToInt(List::size).min().orElse(0);
        int maxDepth = taxonomy.values().stream().mapToInt(List::size).max().orElse(0);
        return taxonomy.size() + " documents with a path from the root, " + minDepth + " to " + maxDepth + " labels long";
    }

    private static String formatGrade(double grade) {
        return grade == Math.rint(grade) ? String.valueOf((long) grade) : String.valueOf(grade);
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-20s %s%n", label, value));
    }
}
