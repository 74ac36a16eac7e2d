package org.arr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arr.data.InputFormatException;
import org.arr.data.SplitSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path SOURCE = Path.of("test.yaml");

    private static final String MINIMAL = """
            name: tiny
            dataset:
              spec: limit-small
            docids:
              scheme: random
            """;

    private static ResolvedConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, SOURCE, List.of(overrides));
    }

    private static List<ConfigError> errorsOf(String yaml, String... overrides) {
        ConfigException error = assertThrows(ConfigException.class, () -> parse(yaml, overrides));
        return error.errors();
    }

    private static ConfigError onlyError(String yaml, String... overrides) {
        List<ConfigError> errors = errorsOf(yaml, overrides);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    @Test
    void minimalConfigGetsDefaults() {
        ExperimentSpec spec = parse(MINIMAL).spec();

        assertEquals("tiny", spec.name());
        assertEquals("limit-small", spec.dataset().spec());
        assertEquals(Map.of(), spec.dataset().options());
        assertEquals(SplitSpec.Kind.RANDOM, spec.dataset().split().toSplitSpec().kind());
        assertEquals(0.1, spec.dataset().split().dev());
        assertEquals(0.2, spec.dataset().split().test());
        assertEquals("random", spec.docids().scheme());
        assertEquals("arr", spec.model().type());
        assertEquals(2, spec.model().layers());
        assertEquals("word", spec.model().tokenizer().type());
        assertEquals("ntp", spec.loss().name());
        assertEquals(Map.of(), spec.loss().options());
        assertEquals(20, spec.train().epochs());
        assertEquals(1e-3, spec.train().learningRate());
        assertEquals(List.of("map", "recip_rank", "P_10", "recall_10", "ndcg_cut_10"), spec.eval().measureNames());
        assertEquals(1, spec.seed());
    }

    @Test
    void resolvedYamlListsEveryDefault() {
        String yaml = parse(MINIMAL).yaml();

        for (String key : List.of("seed:", "split:", "kind: random", "layers: 2", "dModel: 64", "loss:", "name: ntp",
                "warmupFraction: 0.05", "earlyStopMetric: ndcg_cut_10", "beamWidth: 20", "exhaustiveMaxDocuments: 5000")) {
            assertTrue(yaml.contains(key), () -> "resolved config lacks '" + key + "':\n" + yaml);
        }
    }

    @Test
    void resolvedYamlRoundTrips() {
        ResolvedConfig first = parse(MINIMAL, "dataset.options.limit=5",
                "model.tokenizer.path='123'", "eval.metrics=[ndcg_cut.10, 'P.5,10', map]");
        ResolvedConfig second = parse(first.yaml());

        assertEquals(first.spec(), second.spec());
        assertEquals(first.yaml(), second.yaml());
        assertEquals(first.hash(), second.hash());
        assertEquals("123", second.spec().model().tokenizer().path());
        assertEquals(Map.of("limit", 5), second.spec().dataset().options());
    }

    @Test
    void hashChangesWithAnyValue() {
        assertFalse(parse(MINIMAL).hash().equals(parse(MINIMAL, "seed=2").hash()));
        assertEquals(8, parse(MINIMAL).hash().length());
    }

    @Test
    void typoSuggestsClosestKey() {
        ConfigError error = onlyError(MINIMAL + "train:\n  epcohs: 3\n");

        assertEquals("train.epcohs", error.path());
        assertTrue(error.message().startsWith("unknown key; did you mean 'epochs'?"), error.message());
        assertTrue(error.message().contains("Valid: epochs, batchSize"), error.message());
    }

    @Test
    void topLevelTypoSuggestsKey() {
        ConfigError error = onlyError(MINIMAL + "modle:\n  layers: 3\n");

        assertEquals("modle", error.path());
        assertTrue(error.message().contains("did you mean 'model'?"), error.message());
    }

    @Test
    void unrelatedKeyGetsNoSuggestion() {
        ConfigError error = onlyError(MINIMAL + "train:\n  zzzzzzzzzzzz: 3\n");

        assertFalse(error.message().contains("did you mean"), error.message());
        assertTrue(error.message().contains("Valid: epochs"), error.message());
    }

    @Test
    void wrongTypeNamesExpectedType() {
        ConfigError error = onlyError(MINIMAL + "model:\n  layers: two\n");

        assertEquals("model.layers", error.path());
        assertEquals("expected an integer in [1, 64], got 'two' (a string)", error.message());
    }

    @Test
    void realForIntegerIsWrongType() {
        ConfigError error = onlyError(MINIMAL + "train:\n  epochs: 2.5\n");

        assertEquals("train.epochs", error.path());
        assertTrue(error.message().contains("got 2.5 (a real number)"), error.message());
    }

    @Test
    void integralRealIsAcceptedForInteger() {
        assertEquals(1000, parse(MINIMAL + "train:\n  batchSize: 1.0e3\n").spec().train().batchSize());
    }

    @Test
    void outOfRangeNamesValueAndRange() {
        ConfigError error = onlyError(MINIMAL + "model:\n  dropout: 1.5\n");

        assertEquals("model.dropout", error.path());
        assertEquals("invalid value 1.5; allowed range is [0, 1)", error.message());
    }

    @Test
    void openLowerBoundRejectsZero() {
        ConfigError error = onlyError(MINIMAL, "train.learningRate=0");

        assertEquals("train.learningRate", error.path());
        assertTrue(error.message().startsWith("invalid value 0; allowed range is (0, inf)"), error.message());
    }

    @Test
    void integerRangeNamesBounds() {
        ConfigError error = onlyError(MINIMAL + "train:\n  epochs: 0\n");

        assertEquals("invalid value 0; allowed range is [1, 1000000]", error.message());
    }

    @Test
    void unknownChoiceSuggestsClosestName() {
        ConfigError error = onlyError(MINIMAL + "model:\n  tokenizer:\n    type: wrod\n");

        assertEquals("model.tokenizer.type", error.path());
        assertTrue(error.message().startsWith("invalid value 'wrod'; did you mean 'word'?"), error.message());
    }

    @Test
    void unknownLossSuggestsClosestName() {
        ConfigError error = onlyError(MINIMAL + "loss:\n  name: ntpp\n");

        assertEquals("loss.name", error.path());
        assertTrue(error.message().contains("did you mean 'ntp'?"), error.message());
    }

    @Test
    void optionOfOptionlessLossIsRejected() {
        ConfigError error = onlyError(MINIMAL + "loss:\n  name: ntp\n  alpha: 0.5\n");

        assertEquals("loss", error.path());
        assertTrue(error.message().contains("Unknown option loss.alpha for loss 'ntp'"), error.message());
    }

    @Test
    void lossOptionTypoSuggestsClosestKey() {
        ConfigError error = onlyError(MINIMAL, "loss.name=stoical", "loss.alfa=0.5");

        assertEquals("loss", error.path());
        assertTrue(error.message().contains("did you mean 'alpha'?"), error.message());
        assertTrue(error.message().endsWith("(from --set loss.alfa=0.5)"), error.message());
    }

    @Test
    void lossOptionsAreKept() {
        ResolvedConfig resolved = parse(MINIMAL, "loss.name=stoical", "loss.alpha=0.5", "loss.beta=0.25");

        assertEquals("stoical", resolved.spec().loss().name());
        assertEquals(Map.of("alpha", 0.5, "beta", 0.25), resolved.spec().loss().options());
        assertEquals(resolved.spec(), parse(resolved.yaml()).spec());
    }

    @Test
    void invalidLossOptionValueIsRejected() {
        ConfigError error = onlyError(MINIMAL, "loss.name=stoical", "loss.alpha=much");

        assertEquals("loss", error.path());
        assertTrue(error.message().contains("'much'"), error.message());
    }

    @Test
    void missingRequiredValuesAreReported() {
        List<ConfigError> errors = errorsOf("seed: 3\n");

        assertEquals(List.of("name", "dataset.spec", "docids.scheme"), errors.stream().map(ConfigError::path).toList());
        assertTrue(errors.get(1).message().startsWith("missing required value; expected a dataset spec"),
                errors.get(1).message());
    }

    @Test
    void allErrorsAreReportedAtOnce() {
        List<ConfigError> errors = errorsOf(MINIMAL + "model:\n  layers: two\n  dropout: 2\n"
                + "train:\n  epcohs: 3\n", "eval.beamWidth=-1");

        assertEquals(List.of("model.layers", "model.dropout", "train.epcohs", "eval.beamWidth"),
                errors.stream().map(ConfigError::path).toList());
    }

    @Test
    void exceptionMessageListsEveryError() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> parse(MINIMAL + "model:\n  layers: two\n  dropout: 2\n"));

        String message = error.getMessage();
        assertTrue(message.startsWith("Invalid config test.yaml (2 errors):"), message);
        assertTrue(message.contains("  model.layers: expected an integer"), message);
        assertTrue(message.contains("  model.dropout: invalid value 2"), message);
    }

    @Test
    void setOverridesValues() {
        ExperimentSpec spec = parse(MINIMAL, "train.epochs=7", "model.tokenizer.type=char",
                "eval.metrics=[map, ndcg_cut.5]", "dataset.split.kind=transductive", "train.earlyStopMetric=map").spec();

        assertEquals(7, spec.train().epochs());
        assertEquals("char", spec.model().tokenizer().type());
        assertEquals(List.of("map", "ndcg_cut.5"), spec.eval().metrics());
        assertEquals("transductive", spec.dataset().split().kind());
    }

    @Test
    void laterSetWins() {
        assertEquals(5, parse(MINIMAL, "train.epochs=7", "train.epochs=5").spec().train().epochs());
    }

    @Test
    void emptySetRestoresDefault() {
        assertEquals(20, parse(MINIMAL + "train:\n  epochs: 3\n", "train.epochs=").spec().train().epochs());
    }

    @Test
    void setCreatesMissingSections() {
        ExperimentSpec spec = parse(MINIMAL, "dataset.options.root=entity.n.01",
                "docids.options.base=8").spec();

        assertEquals(8, spec.docids().options().base());
        assertEquals(Map.of("root", "entity.n.01"), spec.dataset().options());
    }

    @Test
    void badSetPathSuggestsClosestKeyAndNamesArgument() {
        ConfigError error = onlyError(MINIMAL, "train.learningrate=0.1");

        assertEquals("train.learningrate", error.path());
        assertTrue(error.message().startsWith("unknown key; did you mean 'learningRate'?"), error.message());
        assertTrue(error.message().endsWith("(from --set train.learningrate=0.1)"), error.message());
    }

    @Test
    void badSetSectionSuggestsClosestKey() {
        ConfigError error = onlyError(MINIMAL, "trian.epochs=3");

        assertEquals("trian", error.path());
        assertTrue(error.message().contains("did you mean 'train'?"), error.message());
        assertTrue(error.message().endsWith("(from --set trian.epochs=3)"), error.message());
    }

    @Test
    void setBadValueNamesArgument() {
        ConfigError error = onlyError(MINIMAL, "model.heads=three");

        assertEquals("model.heads", error.path());
        assertTrue(error.message().startsWith("expected an integer in [1, 256], got 'three' (a string)"), error.message());
        assertTrue(error.message().endsWith("(from --set model.heads=three)"), error.message());
    }

    @Test
    void setWithoutEqualsIsRejected() {
        ConfigError error = onlyError(MINIMAL, "train.epochs");

        assertEquals("--set train.epochs: expected --set path.to.key=value", error.message());
    }

    @Test
    void setBelowValueIsRejected() {
        ConfigError error = onlyError(MINIMAL + "train:\n  epochs: 3\n", "train.epochs.max=3");

        assertEquals("train.epochs", error.path());
        assertEquals("--set train.epochs.max=3: 'train.epochs' is a value (3 (an integer)), not a section", error.message());
    }

    @Test
    void setBelowAbsentValueIsRejected() {
        ConfigError error = onlyError(MINIMAL, "train.epochs.max=3");

        assertEquals("train.epochs", error.path());
        assertTrue(error.message().startsWith("expected an integer in [1, 1000000], got a section"), error.message());
        assertTrue(error.message().endsWith("(from --set train.epochs.max=3)"), error.message());
    }

    @Test
    void setWithEmptyPathSegmentIsRejected() {
        ConfigError error = onlyError(MINIMAL, "train..epochs=3");

        assertTrue(error.message().contains("invalid path 'train..epochs'"), error.message());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> parse("name: tiny\ndataset:\n  spec: [limit-small\n"));

        assertEquals(SOURCE, error.file());
        assertTrue(error.line() > 0);
        assertTrue(error.getMessage().startsWith("test.yaml:" + error.line() + ": invalid YAML at column "),
                error.getMessage());
    }

    @Test
    void duplicateKeyIsSyntaxError() {
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> parse(MINIMAL + "name: again\n"));

        assertEquals(6, error.line());
        assertTrue(error.getMessage().contains("Duplicate field 'name'"), error.getMessage());
    }

    @Test
    void sectionGivenAsValueIsRejected() {
        ConfigError error = onlyError(MINIMAL + "train: 5\n");

        assertEquals("train", error.path());
        assertEquals("expected a section (a mapping of keys to values), got 5 (an integer)", error.message());
    }

    @Test
    void nonMappingDocumentIsRejected() {
        ConfigError error = onlyError("- a\n- b\n");

        assertTrue(error.message().startsWith("expected a mapping of sections"), error.message());
    }

    @Test
    void headsMustDivideModelWidth() {
        ConfigError error = onlyError(MINIMAL, "model.heads=5");

        assertEquals("model.heads", error.path());
        assertTrue(error.message().contains("dModel 64 is not divisible by 5 heads"), error.message());
    }

    @Test
    void topKAboveBeamWidthIsRejected() {
        ConfigError error = onlyError(MINIMAL, "eval.topK=30", "eval.beamWidth=10");

        assertEquals("eval.topK", error.path());
    }

    @Test
    void splitFractionsMustLeaveTrainingQueries() {
        ConfigError error = onlyError(MINIMAL, "dataset.split.dev=0.5", "dataset.split.test=0.5");

        assertEquals("dataset.split", error.path());
        assertTrue(error.message().contains("leaves no training queries"), error.message());
    }

    @Test
    void earlyStopMetricMustBeEvaluated() {
        ConfigError error = onlyError(MINIMAL, "train.earlyStopMetric=ndcg_cut_20");

        assertEquals("train.earlyStopMetric", error.path());
        assertTrue(error.message().contains("did you mean 'ndcg_cut_10'?"), error.message());
    }

    @Test
    void unknownMeasureSuggestsClosestName() {
        ConfigError error = onlyError(MINIMAL, "eval.metrics=[ndcg_cut.10, mapp]");

        assertEquals("eval.metrics", error.path());
        assertTrue(error.message().startsWith("Unknown measure 'mapp'; known: "), error.message());
        assertTrue(error.message().contains("Did you mean 'map'?"), error.message());
    }

    @Test
    void invalidCutoffIsRejected() {
        ConfigError error = onlyError(MINIMAL, "eval.metrics=[ndcg_cut.0]");

        assertEquals("eval.metrics", error.path());
        assertTrue(error.message().contains("cutoffs must be positive"), error.message());
    }

    @Test
    void unknownDatasetSuggestsClosestLoader() {
        ConfigError error = onlyError(MINIMAL, "dataset.spec=limit-smal");

        assertEquals("dataset.spec", error.path());
        assertTrue(error.message().contains("Unknown dataset 'limit-smal'"), error.message());
        assertTrue(error.message().contains("Did you mean 'limit-small'?"), error.message());
    }

    @Test
    void datasetArgumentIsKept() {
        assertEquals("wordnet:hypernym-ancestors", parse(MINIMAL, "dataset.spec=wordnet:hypernym-ancestors").spec()
                .dataset().spec());
    }

    @Test
    void unknownSchemeSuggestsClosestName() {
        ConfigError error = onlyError(MINIMAL, "docids.scheme=semntic");

        assertEquals("docids.scheme", error.path());
        assertTrue(error.message().contains("did you mean 'semantic'?"), error.message());
    }

    @Test
    void docIdOptionsDefaultToSchemeDefaults() {
        assertEquals(org.arr.docid.DocIdOptions.defaults(), parse(MINIMAL).spec().docids().options());
    }

    @Test
    void unknownDocIdOptionSuggestsClosestKey() {
        ConfigError error = onlyError(MINIMAL, "docids.options.bsae=4");

        assertEquals("docids.options.bsae", error.path());
        assertTrue(error.message().contains("did you mean 'base'?"), error.message());
    }

    @Test
    void huggingfaceTokenizerNeedsPath() {
        ConfigError error = onlyError(MINIMAL, "model.tokenizer.type=huggingface");

        assertEquals("model.tokenizer.path", error.path());
    }

    @Test
    void badRunNameIsRejected() {
        ConfigError error = onlyError(MINIMAL, "name=has space");

        assertEquals("name", error.path());
        assertTrue(error.message().startsWith("invalid name 'has space'"), error.message());
    }

    @Test
    void missingFileIsReported(@TempDir Path folder) {
        Path missing = folder.resolve("absent.yaml");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(missing, List.of()));

        assertEquals("Config file not found: " + missing, error.getMessage());
    }

    @Test
    void loadReadsFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("tiny.yaml");
        Files.writeString(file, MINIMAL);

        assertEquals("tiny", ConfigLoader.load(file, List.of("train.epochs=3")).spec().name());
    }

    @Property(tries = 200)
    void integerAcceptsExactlyItsRange(@ForAll @IntRange(min = -5, max = 70) int layers) {
        if (layers >= 1 && layers <= 64) {
            assertEquals(layers, parse(MINIMAL, "model.layers=" + layers).spec().model().layers());
        } else {
            ConfigError error = onlyError(MINIMAL, "model.layers=" + layers);
            assertEquals("invalid value " + layers + "; allowed range is [1, 64] (from --set model.layers=" + layers + ")",
                    error.message());
        }
    }

    @Test
    void encoderSettingsGetDefaults() {
        ExperimentSpec spec = parse(MINIMAL, "model.type=dual-encoder").spec();
        assertEquals("dual-encoder", spec.model().type());
        assertEquals(new ExperimentSpec.Encoder("mean", 64, false, "dot", 1.0, "sampled", 16, 0.0, "linear"),
                spec.model().encoder());
        assertEquals("", spec.eval().rerankRun());
        assertEquals(100, spec.eval().rerankDepth());
    }

    @Test
    void onlyCrossEncoderReranks() {
        ConfigError error = onlyError(MINIMAL, "model.type=dual-encoder", "eval.rerankRun=de");
        assertEquals("eval.rerankRun", error.path());
    }

    @Test
    void encoderRejectsUnknownPooling() {
        ConfigError error = onlyError(MINIMAL, "model.type=dual-encoder", "model.encoder.pooling=max");
        assertEquals("model.encoder.pooling", error.path());
    }
}
