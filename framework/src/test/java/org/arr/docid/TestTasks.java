package org.arr.docid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.arr.data.Corpus;
import org.arr.data.Document;
import org.arr.data.Qrels;
import org.arr.data.Queries;
import org.arr.data.RankingTask;

/** Small ranking tasks for docID tests: a corpus, no queries, and an optional taxonomy. */
final class TestTasks {

    private TestTasks() {
    }

    static RankingTask of(List<Document> documents, Map<String, List<String>> taxonomy) {
        return new RankingTask("test", new Corpus(documents), new Queries(List.of()), Qrels.builder().build(), null, null, taxonomy);
    }

    /** Returns a task whose documents have the given titles and empty text. */
    static RankingTask titled(String... titles) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            documents.add(new Document("d" + i, titles[i], ""));
        }
        return of(documents, null);
    }

    /**
     * Returns a random task: titles and texts drawn from few words (so names repeat and some are empty), and
     * taxonomy paths over few labels (so paths repeat and some are prefixes of others).
     */
    static RankingTask random(int documents, long seed) {
        Random random = new Random(seed);
        String[] words = {"alpha", "beta", "gamma", "delta", "Alpha", "x-ray", "9"};
        String[] nodes = {"root", "a", "b", "c", "d"};
        List<Document> corpus = new ArrayList<>();
        Map<String, List<String>> taxonomy = new HashMap<>();
        for (int i = 0; i < documents; i++) {
            String id = "doc" + i;
            corpus.add(new Document(id, phrase(random, words, 3), phrase(random, words, 6)));
            List<String> path = new ArrayList<>();
            int depth = random.nextInt(4);
            for (int level = 0; level < depth; level++) {
                path.add(nodes[random.nextInt(nodes.length)]);
            }
            taxonomy.put(id, path);
        }
        return of(corpus, taxonomy);
    }

    private static String phrase(Random random, String[] words, int maxWords) {
        int count = random.nextInt(maxWords + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }
}
