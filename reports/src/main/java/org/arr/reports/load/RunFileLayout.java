package org.arr.reports.load;

import java.util.Set;

/**
 * File names, JSON fields and column names of a run directory, as {@code arr run} writes them. Every name the
 * report reads from a run is defined here, so a change in the run writer is matched in one place.
 */
public final class RunFileLayout {

    /** The resolved experiment config (YAML). */
    public static final String CONFIG = "config.yaml";
    /** Status, command line, seed and environment of the run (JSON). */
    public static final String PROVENANCE = "provenance.json";
    /** Per-epoch training log (CSV). */
    public static final String TRAIN_LOG = "train_log.csv";
    /** Per-query measure values of the test split (TSV). */
    public static final String PER_QUERY = "per_query.tsv";
    /** Summary measures: a JSON object from measure name to number. */
    public static final String METRICS = "metrics.json";

    /** Provenance field with the run status. */
    public static final String STATUS_FIELD = "status";
    /** Provenance field with the error of a failed run or the reason of an interrupted one. */
    public static final String MESSAGE_FIELD = "message";
    /** Provenance field with the experiment seed. */
    public static final String SEED_FIELD = "seed";
    /** Provenance field with the command-line arguments, a JSON array of strings. */
    public static final String COMMAND_LINE_FIELD = "commandLine";
    /** Provenance field with the end time (ISO-8601). */
    public static final String END_TIME_FIELD = "endTime";
    /** Provenance object with the software environment. */
    public static final String ENVIRONMENT_FIELD = "environment";
    /** Field of the environment object with the git commit. */
    public static final String GIT_COMMIT_FIELD = "gitCommit";
    /** Field of the environment object that is true when the working tree had uncommitted changes. */
    public static final String GIT_DIRTY_FIELD = "gitDirty";
    /** The status of a completed run (compared ignoring case). */
    public static final String STATUS_FINISHED = "finished";

    /** Training-log column with the 1-based epoch number. */
    public static final String EPOCH_COLUMN = "epoch";
    /** Training-log column with the mean training loss of the epoch. */
    public static final String LOSS_COLUMN = "loss";
    /** Prefix of the training-log column with the dev measure, e.g. {@code dev_ndcg_cut_10}. */
    public static final String DEV_COLUMN_PREFIX = "dev_";

    /** Accepted names of the query-id column in the first header cell of {@code per_query.tsv}. */
    public static final Set<String> QUERY_ID_COLUMNS = Set.of("query_id", "qid", "query");
    /** The summary row of trec_eval's {@code -q} output, which is not a query. */
    public static final String SUMMARY_QUERY_ID = "all";

    /** Config key of the experiment seed: runs that differ only in it are seeds of one variant. */
    public static final String SEED_CONFIG_KEY = "seed";
    /** Config key of the run name, which differs between runs without changing the experiment. */
    public static final String NAME_CONFIG_KEY = "name";

    private RunFileLayout() {
    }
}
