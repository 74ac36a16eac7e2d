package org.arr.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import org.arr.theory.counting.OrderingCounts;
import org.arr.theory.counting.StirlingNumbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arr theory count}: prints exact ordering counts as TSV for every {@code 1 <= n <= N} and
 * {@code 1 <= dim <= D}, rows ordered by {@code n} then {@code dim}.
 */
@Command(
        name = "count",
        mixinStandardHelpOptions = true,
        description = {
            "Prints, as TSV, the exact number of orderings of n points in general position in R^dim that a linear "
                    + "functional induces (Cover's N_lin, the dual-encoder bound) and that distances from a query point "
                    + "induce (N_euc), next to n!, for every n in 1..N and dim in 1..D.",
            "With --smallest-dim it prints instead, for every n in 1..N, the smallest dim at which each count reaches n!."
        })
final class TheoryCountCommand implements Callable<Integer> {

    @Option(names = "--n", required = true, paramLabel = "N", description = "Largest number of points (>= 1).")
    int maxN;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "0",
            description = "Largest dimension (>= 1); required unless --smallest-dim is given.")
    int maxDim;

    @Option(names = "--smallest-dim",
            description = "Print n, smallest dim with N_lin = n!, smallest dim with N_euc = n! instead of the table.")
    boolean smallestDim;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxN < 1) {
            throw new IllegalArgumentException("--n must be >= 1, got " + maxN);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (smallestDim) {
            out.println("n\tsmallest_dim_N_lin\tsmallest_dim_N_euc");
            for (int n = 1; n <= maxN; n++) {
                out.println(n + "\t" + OrderingCounts.smallestFullLinearDimension(n) + "\t"
                        + OrderingCounts.smallestFullDistanceDimension(n));
            }
            out.flush();
            return 0;
        }
        if (maxDim < 1) {
            throw new IllegalArgumentException("--dim must be >= 1 (or give --smallest-dim), got " + maxDim);
        }

        BigInteger[][] linear = OrderingCounts.linearOrderingsTable(maxN, maxDim);
        BigInteger[][] stirling = StirlingNumbers.unsignedFirstKindTable(maxN);
        out.println("n\tdim\tN_lin\tN_euc\tn!");
        for (int n = 1; n <= maxN; n++) {
            BigInteger factorial = OrderingCounts.factorial(n);
            for (int dim = 1; dim <= maxDim; dim++) {
                out.println(n + "\t" + dim + "\t" + linear[n][dim] + "\t"
                        + OrderingCounts.distancePermutations(stirling[n], n, dim) + "\t" + factorial);
            }
        }
        out.flush();
        return 0;
    }
}
