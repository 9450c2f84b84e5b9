package org.placementmatcher.solver;

/**
 * A binary min-heap of nodes keyed by distance, each node at most once (a shorter distance moves it up), so it
 * stays as small as the nodes reached rather than growing with every arc scanned. The priority queue of
 * {@link PlacementFlow}'s shortest-path searches: primitive arrays, reused from search to search, so a search
 * allocates nothing.
 */
final class NodeHeap {
    private final int[] nodes;
    private final long[] keys;
    /** Each node's position in the heap, valid while {@link #in} holds the current round. */
    private final int[] position;

    private final int[] in;
    private int round;
    private int size;

    NodeHeap(int capacity) {
        nodes = new int[capacity];
        keys = new long[capacity];
        position = new int[capacity];
        in = new int[capacity];
    }

    void clear() {
        size = 0;
        round++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds the node, or lowers its key if it is in the heap with a larger one. */
    void push(int node, long key) {
        int i;
        if (in[node] == round && position[node] >= 0) {
            i = position[node];
            if (keys[i] <= key) {
                return;
            }
        } else {
            in[node] = round;
            i = size++;
        }
        siftUp(i, node, key);
    }

    int pop() {
        int top = nodes[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            siftDown(0, nodes[size], keys[size]);
        }
        return top;
    }

    private void siftUp(int i, int node, long key) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            put(i, nodes[parent], keys[parent]);
            i = parent;
        }
        put(i, node, key);
    }

    private void siftDown(int i, int node, long key) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            put(i, nodes[child], keys[child]);
            i = child;
        }
        put(i, node, key);
    }

    private void put(int i, int node, long key) {
        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
    }
}
