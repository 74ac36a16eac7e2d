package org.arr.docid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hierarchical k-means paths: a group of more than {@code b} documents is split by k-means++ into at most
 * {@code b} clusters (Commons Math {@link KMeansPlusPlusClusterer}, Euclidean distance, one
 * {@link JDKRandomGenerator} seeded once and consumed depth-first), and each cluster is split again until it
 * has at most {@code b} documents; the path of a document is its cluster index at every level followed by its
 * position in the final group. Clusters of a group are numbered by descending size, ties by smallest corpus
 * position; positions follow corpus order.
 *
 * <p>Duplicate vectors are clustered once (k-means runs over the distinct vectors, {@code k = min(b, distinct)})
 * and their documents follow them. A group whose vectors are all equal, or whose k-means run fails or yields a
 * single non-empty cluster, is cut into {@code b} consecutive chunks of near-equal size instead, so every split
 * makes progress.
 *
 * <p>The paths are prefix-free without an end token: a path ends only with a position inside a final group,
 * and a final group has no sub-clusters. Their lengths vary with the cluster sizes.
 */
final class HierarchicalKMeans {

    private static final Logger LOG = LoggerFactory.getLogger(HierarchicalKMeans.class);

    private final double[][] vectors;
    private final int base;
    private final int maxIterations;
    private final JDKRandomGenerator random;
    private final int[][] paths;
    private int kmeansRuns;
    private int chunkSplits;

    private HierarchicalKMeans(double[][] vectors, int base, int maxIterations, long seed) {
        this.vectors = vectors;
        this.base = base;
        this.maxIterations = maxIterations;
        this.random = new JDKRandomGenerator();
        this.random.setSeed(seed);
        this.paths = new int[vectors.length][];
    }

    /** Returns the path of every document; {@code vectors[i]} is the vector of document {@code i}. */
    static int[][] paths(double[][] vectors, int base, int maxIterations, long seed) {
        HierarchicalKMeans tree = new HierarchicalKMeans(vectors, base, maxIterations, seed);
        int[] all = new int[vectors.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        tree.split(all, new int[0]);
        LOG.debug("Hierarchical k-means: {} k-means runs, {} chunk splits", tree.kmeansRuns, tree.chunkSplits);
        return tree.paths;
    }

    private void split(int[] members, int[] prefix) {
        if (members.length <= base) {
            for (int position = 0; position < members.length; position++) {
                int[] path = Arrays.copyOf(prefix, prefix.length + 1);
                path[prefix.length] = position;
                paths[members[position]] = path;
            }
            return;
        }

        List<int[]> groups = cluster(members);
        if (groups.size() < 2) {
            groups = chunks(members);
            chunkSplits++;
        }
        for (int index = 0; index < groups.size(); index++) {
            int[] path = Arrays.copyOf(prefix, prefix.length + 1);
            path[prefix.length] = index;
            split(groups.get(index), path);
        }
    }

    /** Clusters the members by their distinct vectors; returns one group when there is nothing to split. */
    private List<int[]> cluster(int[] members) {
        Map<VectorKey, List<Integer>> byVector = new HashMap<>();
        List<Point> distinct = new ArrayList<>();
        for (int member : members) {
            VectorKey key = new VectorKey(vectors[member]);
            List<Integer> same = byVector.get(key);
            if (same == null) {
                same = new ArrayList<>();
                byVector.put(key, same);
                distinct.add(new Point(vectors[member]));
            }
            same.add(member);
        }
        if (distinct.size() < 2) {
            return List.of(members);
        }

        int k = Math.min(base, distinct.size());
        List<CentroidCluster<Point>> clusters;
        try {
            KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(k, maxIterations, new EuclideanDistance(),
                    random, KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
            clusters = clusterer.cluster(distinct);
            kmeansRuns++;
        } catch (MathIllegalStateException e) {
            LOG.warn("k-means with k = {} over {} distinct vectors failed ({}); splitting the group into chunks instead",
                    k, distinct.size(), e.getMessage());
            return List.of(members);
        }

        List<int[]> groups = new ArrayList<>();
        for (CentroidCluster<Point> cluster : clusters) {
            List<Integer> group = new ArrayList<>();
            for (Point point : cluster.getPoints()) {
                group.addAll(byVector.get(new VectorKey(point.vector)));
            }
            if (!group.isEmpty()) {
                groups.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        groups.sort(Comparator.<int[]>comparingInt(group -> -group.length).thenComparingInt(group -> group[0]));
        return groups;
    }

    /** Cuts members (in corpus order) into {@code min(b, size)} consecutive chunks whose sizes differ by at most one. */
    private List<int[]> chunks(int[] members) {
        int count = Math.min(base, members.length);
        List<int[]> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int from = (int) ((long) members.length * c / count);
            int to = (int) ((long) members.length * (c + 1) / count);
            chunks.add(Arrays.copyOfRange(members, from, to));
        }
        return chunks;
    }

    /** A distinct vector to cluster. */
    private record Point(double[] vector) implements Clusterable {

        @Override
        public double[] getPoint() {
            return vector;
        }
    }

    /** A vector compared by content, as a hash key. */
    private record VectorKey(double[] vector) {

        @Override
        public boolean equals(Object other) {
            return other instanceof VectorKey key && Arrays.equals(vector, key.vector);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(vector);
        }
    }
}
