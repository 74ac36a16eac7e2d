package org.arr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.arr.data.Qrels;
import org.arr.data.Run;
import org.arr.data.trec.TrecQrelsFile;
import org.arr.data.trec.TrecRunFile;
import org.arr.metric.EvaluationOptions;
import org.arr.metric.EvaluationResult;
import org.arr.metric.Evaluator;
import org.arr.metric.GainFunction;
import org.arr.metric.Measure;
import org.arr.metric.MeasureParser;
import org.arr.metric.TrecEvalFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arr eval}: a drop-in for trec_eval 9.0.8 on the measures of {@link org.arr.metric.MeasureFamily}. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a TREC run against TREC qrels with trec_eval 9.0.8's measures and output format.",
            "",
            "Measures: num_q, num_ret, num_rel, num_rel_ret, map, recip_rank, P.k, recall.k, ndcg, ndcg_cut.k "
                    + "(k: comma-separated cutoffs; without them 5,10,15,20,30,100,200,500,1000). Without -m: "
                    + "num_q, num_ret, num_rel, num_rel_ret, map, recip_rank, P.",
            "Ranking: by score, highest first, ties by document id in decreasing order; the rank column is ignored."
        })
public final class EvalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);

    /** trec_eval's default measure set ("official") without the measures this command lacks. */
    private static final List<String> DEFAULT_MEASURES = List.of("num_q", "num_ret", "num_rel", "num_rel_ret", "map",
            "recip_rank", "P");

    @Option(names = {"-q", "--query_eval_wanted"},
            description = "Also print one line per query and measure (queries in both files, as trec_eval 9.0.8).")
    boolean perQuery;

    @Option(names = {"-c", "--complete_rel_info_wanted"},
            description = "Average over every query in the qrels; a query missing from the run scores 0 on every "
                    + "measure. Default: average over queries in both files.")
    boolean complete;

    @Option(names = {"-m", "--measure"}, paramLabel = "MEASURE",
            description = "Measure to compute, as in trec_eval: NAME or NAME.CUTOFFS (e.g. ndcg_cut.5,10). "
                    + "Repeatable; for a repeated name the first one with cutoffs wins.")
    List<String> measures = new ArrayList<>();

    @Option(names = "--gain", paramLabel = "GAIN", defaultValue = "linear",
            description = "nDCG gain of a relevance grade: linear (rel, trec_eval's), exp (2^rel - 1) or "
                    + "map:GRADE=GAIN,... (e.g. map:3=1,2=0.1,1=0.01,0=0); applies to ndcg and ndcg_cut. "
                    + "Default: ${DEFAULT-VALUE}.")
    String gain;

    @Parameters(index = "0", paramLabel = "QRELS", description = "TREC qrels file: qid iter docid rel.")
    Path qrelsFile;

    @Parameters(index = "1", paramLabel = "RUN", description = "TREC run file: qid Q0 docid rank score tag.")
    Path runFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        List<Measure> parsed = MeasureParser.parseAll(measures.isEmpty() ? DEFAULT_MEASURES : measures);
        EvaluationOptions options = new EvaluationOptions(complete, GainFunction.parse(gain));

        // The two files are parsed on two threads: reading dominates the run time of a large evaluation.
        FutureTask<Qrels> qrelsTask = new FutureTask<>(() -> TrecQrelsFile.read(qrelsFile));
        Thread qrelsReader = new Thread(qrelsTask, "qrels-reader");
        qrelsReader.setDaemon(true);
        qrelsReader.start();
        Run run = TrecRunFile.read(runFile);
        Qrels qrels = await(qrelsTask);
        EvaluationResult result = Evaluator.evaluate(qrels, run, parsed, options);

        PrintWriter out = spec.commandLine().getOut();
        out.print(TrecEvalFormat.format(result, perQuery));
        out.flush();
        LOG.debug("Evaluated {} queries on {} measures in {} ms", result.queryIds().size(), parsed.size(),
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    /** Waits for a task and rethrows its failure unchanged, so that input errors keep their one-line message. */
    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the qrels", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Failed to read the qrels: " + e.getCause(), e.getCause());
        }
    }
}
