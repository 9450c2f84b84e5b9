package org.placementmatcher.solver;

import static org.placementmatcher.solver.PlacementFlow.FROM_SINK;
import static org.placementmatcher.solver.PlacementFlow.TO_SINK;
import static org.placementmatcher.solver.PlacementFlow.UNPLACED;
import static org.placementmatcher.solver.PlacementFlow.UNPLACED_BACK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.placementmatcher.domain.PlacementUnit;

/**
 * What one more place at each provider would gain a solved flow ({@link PlacementFlow#placeGains()}), for the
 * sufficiency analysis's place values. Apart from the flow because it only reads a solved one, with a search of its
 * own (label-correcting, from the sink, over the whole residual network) that shares nothing with the flow's.
 */
final class PlaceGains {

    private PlaceGains() {}

    /** The gain of one more place at each provider, by provider index: see {@link PlacementFlow#placeGains()}. */
    static List<PlaceGain> of(FlowNetwork network) {
        if (network.unitCount != network.realUnits || network.forConstruction && network.offerOneMore == 0) {
            throw new IllegalStateException("place gains are priced on a flow from forPlaceValues");
        }
        int nodes = network.sink + 1;
        long[] d = new long[nodes];
        Arrays.fill(d, Long.MAX_VALUE);
        int[] from = new int[nodes];
        int[] via = new int[nodes];
        int[] times = new int[nodes];
        boolean[] queued = new boolean[nodes];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        d[network.sink] = 0;
        queue.add(network.sink);
        queued[network.sink] = true;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            queued[x] = false;
            long dx = d[x];
            if (x == network.sink) {
                for (int q = network.unitCount; q < network.sink; q++) {
                    if (network.load[q - network.unitCount] > 0) {
                        relax(q, dx, x, FROM_SINK, d, from, via, times, queued, queue);
                    }
                }
                for (int v = 0; v < network.realUnits; v++) {
                    if (network.unplacedFlow[v] > 0) {
                        relax(v, dx - network.unplacedCost[v], x, UNPLACED_BACK, d, from, via, times, queued, queue);
                    }
                }
            } else if (x < network.unitCount) {
                if (network.unplacedFlow[x] < network.size[x]) {
                    relax(network.sink, dx + network.unplacedCost[x], x, UNPLACED, d, from, via, times, queued, queue);
                }
                for (int a = 0; a < network.arcTo[x].length; a++) {
                    // As in the flow: only where the whole unit fits (the arcs offered for one more place wait).
                    if (network.arcFlow[x][a] < network.size[x]
                            && network.size[x] <= network.capacity[network.arcTo[x][a]]) {
                        relax(
                                network.unitCount + network.arcTo[x][a],
                                dx + network.arcCost[x][a],
                                x,
                                a,
                                d,
                                from,
                                via,
                                times,
                                queued,
                                queue);
                    }
                }
            } else {
                int p = x - network.unitCount;
                if (network.load[p] < network.capacity[p]) {
                    relax(network.sink, dx, x, TO_SINK, d, from, via, times, queued, queue);
                }
                for (int r = 0; r < network.residentCount[p]; r++) {
                    int v = network.residentUnit[p][r];
                    relax(
                            v,
                            dx - network.arcCost[v][network.residentArc[p][r]],
                            x,
                            network.residentArc[p][r],
                            d,
                            from,
                            via,
                            times,
                            queued,
                            queue);
                }
            }
        }
        // The last step may also come from a unit that fits only with the extra place (an arc offered for it).
        long[] end = new long[network.providers.size()];
        int[] lastUnit = new int[network.providers.size()];
        int[] lastArc = new int[network.providers.size()];
        for (int p = 0; p < end.length; p++) {
            end[p] = d[network.unitCount + p];
            lastUnit[p] = -1;
        }
        for (int x = 0; x < network.realUnits; x++) {
            for (int a = 0; a < network.arcTo[x].length && d[x] != Long.MAX_VALUE; a++) {
                int p = network.arcTo[x][a];
                if (network.arcFlow[x][a] < network.size[x]
                        && network.size[x] > network.capacity[p]
                        && d[x] + network.arcCost[x][a] < end[p]) {
                    end[p] = d[x] + network.arcCost[x][a];
                    lastUnit[p] = x;
                    lastArc[p] = a;
                }
            }
        }
        List<PlaceGain> gains = new ArrayList<>(network.providers.size());
        for (int p = 0; p < network.providers.size(); p++) {
            int node = network.unitCount + p;
            if (end[p] == Long.MAX_VALUE || network.atFosteringLimit[p]) {
                gains.add(new PlaceGain(0, 0, List.of()));
                continue;
            }
            long medium = 0;
            long soft = 0;
            List<PlacementUnit> moved = new ArrayList<>();
            if (lastUnit[p] >= 0) {
                soft += network.arcCost[lastUnit[p]][lastArc[p]];
                node = lastUnit[p];
            }
            for (int y = node; y != network.sink; y = from[y]) {
                int x = from[y];
                int a = via[y];
                if (y < network.unitCount) {
                    moved.add(network.units.get(y));
                }
                if (a == UNPLACED_BACK) {
                    medium -= unplacedWeightScaled(network, y);
                } else if (a >= 0 && x < network.unitCount) {
                    soft += network.arcCost[x][a];
                } else if (a >= 0) {
                    soft -= network.arcCost[y][a];
                }
                // FROM_SINK: a place freed elsewhere, at no cost. UNPLACED and TO_SINK end at the sink: never here.
            }
            boolean gainsAny = medium < 0 || medium == 0 && soft < 0;
            gains.add(gainsAny ? new PlaceGain(-medium, -soft, moved) : new PlaceGain(0, 0, List.of()));
        }
        return gains;
    }

    private static long unplacedWeightScaled(FlowNetwork network, int unit) {
        return (long) network.units.get(unit).getUnplacedWeight() * (network.scale / network.size[unit]);
    }

    /** One step of the label-correcting search of {@link #of}; a node queued too often means a negative cycle. */
    private static void relax(
            int node,
            long d,
            int fromNode,
            int arc,
            long[] dist,
            int[] from,
            int[] via,
            int[] times,
            boolean[] queued,
            java.util.ArrayDeque<Integer> queue) {
        if (d >= dist[node]) {
            return;
        }
        dist[node] = d;
        from[node] = fromNode;
        via[node] = arc;
        if (!queued[node]) {
            if (++times[node] > dist.length + 1) {
                throw new IllegalStateException("the flow is not optimal: a negative cycle");
            }
            queued[node] = true;
            queue.add(node);
        }
    }
}
