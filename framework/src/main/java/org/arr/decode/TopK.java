package org.arr.decode;

/**
 * Selects the indices of the {@code k} largest scores with a bounded min-heap, in {@code O(n log k)} and
 * without boxing. Equal scores keep the lower index first, so selections are deterministic.
 */
public final class TopK {

    private TopK() {
    }

    /**
     * Returns the indices of the {@code min(k, count)} best of {@code scores[0 .. count)}, best first.
     *
     * @throws IllegalStateException if a score is NaN
     */
    public static int[] select(double[] scores, int count, int k) {
        int size = Math.min(k, count);
        int[] heap = new int[size];
        int filled = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalStateException("Score " + i + " is NaN; the scorer returned a NaN log-probability");
            }
            if (filled < size) {
                heap[filled] = i;
                siftUp(heap, filled, scores);
                filled++;
            } else if (size > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }

        // Popping the worst element each time fills the result from the back.
        int[] result = new int[size];
        for (int n = size; n > 0; n--) {
            result[n - 1] = heap[0];
            heap[0] = heap[n - 1];
            siftDown(heap, n - 1, scores);
        }
        return result;
    }

    /** Returns whether candidate {@code a} ranks above candidate {@code b}. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int position, double[] scores) {
        int item = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = item;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        if (size == 0) {
            return;
        }
        int position = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = item;
    }
}
