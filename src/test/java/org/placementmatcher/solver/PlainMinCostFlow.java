package org.placementmatcher.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.placementmatcher.domain.PlacementSolution;
import org.placementmatcher.domain.PlacementUnit;
import org.placementmatcher.domain.Provider;

/**
 * The flow relaxation ({@link PlacementFlow#PlacementFlow(PlacementSolution)}) solved the plain way, to check the fast
 * one against: successive shortest paths, one child at a time, each found by Bellman-Ford over every residual arc, costs
 * kept as (urgency weight, soft points) pairs compared in that order rather than folded into one number.
 */
final class PlainMinCostFlow {

    private PlainMinCostFlow() {}

    /** The optimum's unplaced urgency weight and soft points, both times {@code scale}. */
    static long[] solve(PlacementSolution solution, long scale) {
        List<Provider> providers = solution.getProviders();
        int[] room = new int[providers.size()];
        for (Provider p : providers) {
            room[p.getIndex()] = p.getPlaces();
        }
        long unplaced = 0;
        long soft = 0;
        List<PlacementUnit> units = new ArrayList<>();
        for (PlacementUnit unit : solution.getUnits()) {
            if (unit.isPinned()) {
                if (unit.getProvider() != null) {
                    room[unit.getProvider().getIndex()] -= unit.size();
                    soft += unit.staticSoftPoints(unit.getProvider()) * scale;
                }
            } else if (unit.getCandidates().isEmpty()) {
                unplaced += unit.getUnplacedWeight() * scale;
            } else {
                units.add(unit);
            }
        }
        int n = units.size();
        int sink = n + providers.size();
        int[][] flow = new int[n][providers.size()];
        int[] unplacedFlow = new int[n];
        int[] load = new int[providers.size()];
        for (int u = 0; u < n; u++) {
            for (int child = 0; child < units.get(u).size(); child++) {
                // Bellman-Ford from u over the residual network; dist as (medium, soft) pairs.
                long[][] dist = new long[sink + 1][];
                int[] pred = new int[sink + 1];
                dist[u] = new long[] {0, 0};
                for (int round = 0; round <= sink; round++) {
                    boolean changed = false;
                    for (int v = 0; v < n; v++) {
                        PlacementUnit unit = units.get(v);
                        long perChild = scale / unit.size();
                        if (dist[v] != null && unplacedFlow[v] < unit.size()) {
                            changed |= relax(dist, pred, v, sink, unit.getUnplacedWeight() * perChild, 0);
                        }
                        if (dist[sink] != null && unplacedFlow[v] > 0) {
                            changed |= relax(dist, pred, sink, v, -unit.getUnplacedWeight() * perChild, 0);
                        }
                        for (Provider p : unit.getCandidates()) {
                            int q = n + p.getIndex();
                            if (Math.max(0, room[p.getIndex()]) < unit.size()) {
                                continue;
                            }
                            long cost = unit.staticSoftPoints(p) * perChild;
                            if (dist[v] != null && flow[v][p.getIndex()] < unit.size()) {
                                changed |= relax(dist, pred, v, q, 0, cost);
                            }
                            if (dist[q] != null && flow[v][p.getIndex()] > 0) {
                                changed |= relax(dist, pred, q, v, 0, -cost);
                            }
                        }
                    }
                    for (int p = 0; p < providers.size(); p++) {
                        if (dist[n + p] != null && load[p] < Math.max(0, room[p])) {
                            changed |= relax(dist, pred, n + p, sink, 0, 0);
                        }
                        if (dist[sink] != null && load[p] > 0) {
                            changed |= relax(dist, pred, sink, n + p, 0, 0);
                        }
                    }
                    if (!changed) {
                        break;
                    }
                }
                for (int y = sink; y != u; y = pred[y]) {
                    int x = pred[y];
                    if (x < n && y == sink) {
                        unplacedFlow[x]++;
                    } else if (x == sink && y < n) {
                        unplacedFlow[y]--;
                    } else if (x < n) {
                        flow[x][y - n]++;
                    } else if (y < n) {
                        flow[y][x - n]--;
                    } else if (y == sink) {
                        load[x - n]++;
                    } else {
                        load[y - n]--;
                    }
                }
            }
        }
        for (int u = 0; u < n; u++) {
            PlacementUnit unit = units.get(u);
            long perChild = scale / unit.size();
            unplaced += unplacedFlow[u] * unit.getUnplacedWeight() * perChild;
            for (Provider p : providers) {
                soft += flow[u][p.getIndex()] * unit.staticSoftPoints(p) * perChild;
            }
        }
        return new long[] {unplaced, soft};
    }

    private static boolean relax(long[][] dist, int[] pred, int from, int to, long medium, long soft) {
        long[] d = {dist[from][0] + medium, dist[from][1] + soft};
        if (dist[to] == null || Arrays.compare(d, dist[to]) < 0) {
            dist[to] = d;
            pred[to] = from;
            return true;
        }
        return false;
    }
}
